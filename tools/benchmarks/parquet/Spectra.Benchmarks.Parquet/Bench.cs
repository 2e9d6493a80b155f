using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Spectra.Data;
using Spectra.Data.Parquet;

/// <summary>
/// The Spectra side of tools/benchmarks/parquet/bench.mjs: reads the selected columns of a file through
/// ParquetSource, row chunk by row chunk, into a per-feature running sum (the stand-in for the
/// covariance accumulator's input), and prints one JSON line with times and peak memory.
/// </summary>
internal static class Bench
{
    public static int Run(string[] args)
    {
        string file = args[0];
        string? list = null;
        var columns = new List<string>();
        int repeat = 3, chunk = 4096;
        bool rowIds = true, hash = true;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--list": list = args[++i]; break;
                case "--columns": columns.Add(args[++i]); break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--chunk": chunk = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-row-ids": rowIds = false; break;
                case "--no-hash": hash = false; break;
            }
        }
        var options = new ParquetSourceOptions { ListColumn = list, Columns = columns.Count > 0 ? columns : null, RowIds = rowIds, HashContent = hash };
        var times = new List<double>();
        var cpu = new List<double>();
        long rows = 0;
        double checksum = 0;
        for (int r = 0; r < repeat; r++)
        {
            var clock = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var source = new ParquetSource(file, options);
            var sums = new double[source.Features];
            rows = 0;
            foreach (var c in source.ReadChunks(chunk))
            {
                // Vectorised like DuckDB's sum: the consumer should not be what is measured.
                for (int i = 0; i < c.Rows; i++) TensorPrimitives.Add(sums, c.Row(i), sums);
                rows += c.Rows;
            }
            clock.Stop();
            times.Add(clock.Elapsed.TotalSeconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds);
            checksum = sums.Sum();
        }
        long peakKb = PeakRssKb();
        times.Sort();
        cpu.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"rows\":{rows},\"best_s\":{times[0]:F4},\"best_cpu_s\":{cpu[0]:F4},\"median_s\":{times[times.Count / 2]:F4},\"peak_rss_mb\":{peakKb / 1024.0:F1},\"checksum\":{checksum:R}}}"));
        return 0;
    }

    /// <summary>Decodes every analysable column of every row group with the format reader alone (no source), timed.</summary>
    public static int DecodeOnly(string file)
    {
        for (int r = 0; r < 2; r++)
        {
            var clock = Stopwatch.StartNew();
            using var f = ParquetFile.Open(file);
            long values = 0;
            for (int g = 0; g < f.RowGroupCount; g++)
                foreach (var c in f.Schema.Columns.Where(c => c.IsAnalysable)) values += f.ReadColumn(g, c).ValueCount;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decode {values} values in {clock.Elapsed.TotalSeconds:F3} s, peak RSS {PeakRssKb() / 1024} MB"));
        }
        return 0;
    }

    private static long PeakRssKb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return 0;
    }
}
