using System.Security.Cryptography;

namespace Spectra.Bench;

/// <summary>Throughput of the content hashes and CRC-32 on one in-memory buffer, one thread.</summary>
internal static class HashBench
{
    public static int Run(int megabytes)
    {
        var data = new byte[megabytes << 20];
        new Random(6).NextBytes(data);
        Measure("sha256", () => SHA256.HashData(data));
        Measure("xxh128", () => Spectra.Data.ContentHash.Of(data));
        Measure("crc32", () => Spectra.Data.Crc32.Compute(data));
        // Parquet pages and PNG chunks are short: the per-call cost matters as much as the rate.
        var page = data.AsSpan(0, 8 << 10).ToArray();
        Measure("crc32_8k_pages", () => { for (int i = 0; i < data.Length / page.Length; i++) Spectra.Data.Crc32.Compute(page); });
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
