using Spectra.LinearAlgebra;
using Spectra.Matrices;

namespace Spectra.Bench;

/// <summary>Timings of the foundation's kernels, printed as "key value" lines for tools/benchmarks/linear-algebra/run.sh.</summary>
internal static class LinearAlgebraBench
{
    private static ILinearAlgebraBackend Backend(bool managed) =>
        managed ? ManagedBackend.Instance : LinearAlgebraBackends.Default.Backend;

    public static int Eigenvalues(int n, bool managed)
    {
        var backend = Backend(managed);
        var a = RandomSymmetric(n, 1);
        backend.SymmetricEigenvalues(RandomSymmetric(64, 2), 64); // warm-up: JIT and library threads
        var best = double.MaxValue;
        var repeats = managed ? 1 : 3;
        for (var r = 0; r < repeats; r++)
        {
            var sw = Stopwatch.StartNew();
            var w = backend.SymmetricEigenvalues(a, n);
            sw.Stop();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            GC.KeepAlive(w);
        }
        Console.WriteLine($"backend {backend.Info.Name} {backend.Info.Threads}");
        Console.WriteLine($"seconds {best:F4}");
        return 0;
    }

    public static int Covariance(int m, int d, bool managed)
    {
        var backend = Backend(managed);
        var x = new float[(long)m * d];
        var rng = new Random(3);
        for (var i = 0; i < x.Length; i++) x[i] = (float)rng.NextDouble();
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < (managed ? 1 : 3); r++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var acc = new MomentAccumulator(d, backend);
            const int chunk = 4096;
            for (var start = 0; start < m; start += chunk)
            {
                var rows = Math.Min(chunk, m - start);
                acc.Add(x.AsSpan(start * d, rows * d), rows);
            }
            var c = CovarianceMatrix.From(acc, PreprocessOptions.Default, consume: true);
            sw.Stop();
            GC.KeepAlive(c);
            process.Refresh();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu0).TotalSeconds);
        }
        Console.WriteLine($"backend {backend.Info.Name} {backend.Info.Threads}");
        Console.WriteLine($"rank_k_update {backend.Info.RankKUpdate}");
        Console.WriteLine($"seconds {best:F4}");
        // Processor time summed over threads: less disturbed than wall time when other work shares the machine.
        Console.WriteLine($"cpu_seconds {bestCpu:F4}");
        Console.WriteLine($"rows_per_second {m / best:F0}");
        return 0;
    }

    /// <summary>Rows in memory → spectrum through the whole pipeline (validation, accumulation, eigensolve), no realisations.</summary>
    public static int Pipeline(int m, int d)
    {
        var x = new double[(long)m * d];
        var rng = new Random(4);
        for (var i = 0; i < x.Length; i++) x[i] = rng.NextDouble();
        var options = new Spectra.Pipeline.SpectrumOptions { Matrix = Spectra.Pipeline.MatrixRequest.Covariance, Realisations = 0, DetectDuplicates = false };
        Spectra.Pipeline.SpectrumPipeline.Run(new Spectra.Data.InMemorySource(x[..(64 * d)], 64, d), options); // warm-up
        var best = double.MaxValue;
        Spectra.Pipeline.SpectrumComputation? last = null;
        var source = new Spectra.Data.InMemorySource(x, m, d);
        for (var r = 0; r < 3; r++)
        {
            var sw = Stopwatch.StartNew();
            last = Spectra.Pipeline.SpectrumPipeline.Run(source, options);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        foreach (var (k, v) in last!.Spectrum.Provenance.TimingsMs) Console.WriteLine($"stage_{k}_ms {v:F1}");
        Console.WriteLine($"seconds {best:F4}");
        return 0;
    }

    /// <summary>Streams M rows through the accumulator, generating each chunk on the fly (the data never exists whole).</summary>
    public static int Streaming(long m, int d, int chunk)
    {
        var backend = LinearAlgebraBackends.Default.Backend;
        // Warm-up on a small problem, so library threads, their buffers and the JIT are not counted as the data's memory.
        var warm = new MomentAccumulator(64, backend);
        warm.AddInPlace(new double[256 * 64], 256);
        GC.KeepAlive(CovarianceMatrix.From(warm, PreprocessOptions.Default));
        GC.Collect();
        var baseline = Process.GetCurrentProcess();
        baseline.Refresh();
        var rssBefore = baseline.WorkingSet64;
        var acc = new MomentAccumulator(d, backend);
        var buf = new double[chunk * d];
        ulong state = 0x9E3779B97F4A7C15UL;
        var sw = Stopwatch.StartNew();
        var generating = new Stopwatch();
        long peak = 0;
        for (long start = 0; start < m; start += chunk)
        {
            var rows = (int)Math.Min(chunk, m - start);
            generating.Start();
            for (var i = 0; i < rows * d; i++)
            {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17;
                buf[i] = (state >> 11) * (1.0 / (1UL << 53));
            }
            generating.Stop();
            acc.AddInPlace(buf.AsSpan(0, rows * d), rows);
            var p = Process.GetCurrentProcess();
            peak = Math.Max(peak, p.WorkingSet64);
        }
        var cov = CovarianceMatrix.From(acc, PreprocessOptions.Default, consume: true);
        var p2 = Process.GetCurrentProcess();
        peak = Math.Max(peak, p2.WorkingSet64);
        sw.Stop();
        GC.KeepAlive(cov);
        var budget = 8.0 * d * d + 8.0 * chunk * d;
        Console.WriteLine($"seconds {sw.Elapsed.TotalSeconds:F3}");
        // The rows are made on one thread between chunks; without that time the rest is the accumulation's.
        // GFLOP/s counts 2·M·d² (multiply and add over the whole square, as X.T @ X would be counted).
        var accumulating = sw.Elapsed.TotalSeconds - generating.Elapsed.TotalSeconds;
        Console.WriteLine($"generate_seconds {generating.Elapsed.TotalSeconds:F3}");
        Console.WriteLine($"accumulate_seconds {accumulating:F3}");
        Console.WriteLine($"accumulate_gflop_per_s {2.0 * m * d * d / accumulating / 1e9:F1}");
        Console.WriteLine($"rank_k_update {backend.Info.RankKUpdate}");
        Console.WriteLine($"rss_before_mb {rssBefore / 1048576.0:F1}");
        Console.WriteLine($"rss_peak_mb {peak / 1048576.0:F1}");
        Console.WriteLine($"growth_mb {(peak - rssBefore) / 1048576.0:F1}");
        Console.WriteLine($"budget_mb {budget / 1048576.0:F1}");
        Console.WriteLine($"managed_heap_peak_mb {GC.GetGCMemoryInfo().PromotedBytes / 1048576.0:F1} total_allocated_mb {GC.GetTotalAllocatedBytes() / 1048576.0:F1} heap_now_mb {GC.GetTotalMemory(false) / 1048576.0:F1}");
        return 0;
    }

    /// <summary>
    /// The exact 8-bit update on M random byte rows of D features held whole, best of 3 (GFLOP/s counted as 2·M·d²,
    /// as numpy's X.T @ X in linalg.py in-memory-rate is), and whether splitting the rows changes a single sum.
    /// </summary>
    public static int ExactBytes(int m, int d)
    {
        if (!ByteRankKUpdate.IsSupported) { Console.WriteLine("unsupported (neither AVX-VNNI nor AVX-512BW)"); return 0; }
        var x = new byte[(long)m * d];
        new Random(1).NextBytes(x);
        var threads = LinearAlgebraBackends.Default.Backend.Info.Threads;
        var best = double.MaxValue;
        long[] c = [];
        for (var round = 0; round < 3; round++)
        {
            c = new long[(long)d * d];
            var sw = Stopwatch.StartNew();
            ByteRankKUpdate.Run(x, m, d, c, threads);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        var split = new long[(long)d * d];
        for (var first = 0; first < m; first += 777)
        {
            var rows = Math.Min(777, m - first);
            ByteRankKUpdate.Run(x.AsSpan(first * d, rows * d), rows, d, split, 1);
        }
        Console.WriteLine($"seconds {best:F4}");
        Console.WriteLine($"gflop_per_s {2.0 * m * d * d / best / 1e9:F1}");
        Console.WriteLine($"threads {threads}");
        Console.WriteLine($"split_identical {c.AsSpan().SequenceEqual(split)}");
        Console.WriteLine($"kernel {ByteRankKUpdate.Name}");
        return 0;
    }

    private static double[] RandomSymmetric(int n, int seed)
    {
        var rng = new Random(seed);
        var a = new double[(long)n * n];
        for (var c = 0; c < n; c++)
            for (var r = c; r < n; r++)
                a[(long)c * n + r] = a[(long)r * n + c] = rng.NextDouble() - 0.5;
        return a;
    }
}
