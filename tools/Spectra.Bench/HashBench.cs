using System.Diagnostics;
using System.Security.Cryptography;

namespace Spectra.Bench;

/// <summary>Throughput of the content hashes and the two CRC-32s on one in-memory buffer, one thread.</summary>
internal static class HashBench
{
    public static int Run(int megabytes)
    {
        var data = new byte[megabytes << 20];
        new Random(6).NextBytes(data);
        Measure("sha256", () => SHA256.HashData(data));
        Measure("xxh128", () => Spectra.Data.ContentHash.Of(data));
        Measure("crc32_table", () => Spectra.Data.Crc32.TableCompute(data));
        Measure("crc32_system_io_hashing", () => System.IO.Hashing.Crc32.HashToUInt32(data));
        // Parquet pages and PNG chunks are short: the per-call cost matters as much as the rate.
        var page = data.AsSpan(0, 8 << 10).ToArray();
        Measure("crc32_table_8k_pages", () => { for (int i = 0; i < data.Length / page.Length; i++) Spectra.Data.Crc32.TableCompute(page); });
        Measure("crc32_system_io_hashing_8k_pages", () => { for (int i = 0; i < data.Length / page.Length; i++) System.IO.Hashing.Crc32.HashToUInt32(page); });
        void Measure(string name, Action run)
        {
            run();
            var best = double.MaxValue;
            for (int r = 0; r < 5; r++)
            {
                var sw = Stopwatch.StartNew();
                run();
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
            Console.WriteLine($"{name}_gb_per_s {data.Length / best / 1e9:F2}");
        }
        return 0;
    }
}
