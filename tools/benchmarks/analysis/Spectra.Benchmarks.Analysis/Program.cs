using System.Diagnostics;
using System.Text.Json;
using Spectra.Analysis;
using Spectra.Data.Synthetic;
using Spectra.References;
using Spectra.Spectrum;

// Times the analyzers and the finite-size references (docs/performance.md, section "Analyzers"),
// or prints one report as JSON ("report" mode) for inspection.
var mode = args.Length > 0 ? args[0] : "bench";
var repeats = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;

if (mode == "report")
{
    var n = repeats;
    var spectrum = new EigenSpectrum(GoeEnsemble.Levels(n, new SeededRandom(1)).Select(v => v + 1.5 * GoeEnsemble.SemicircleRadius(n)));
    var single = SpectralAnalysis.Run(spectrum, AnalysisOptions.Default with { Seed = 1 });
    Console.WriteLine(JsonSerializer.Serialize(single, new JsonSerializerOptions { WriteIndented = true }));
    foreach (var m in single.Headline()) Console.Error.WriteLine($"{m.Key} = {m.Value:G6} ± {m.Spread:G3}");
    return;
}

// A 4096-level spectrum with a power-law bulk and GOE fluctuations: the spectrum of correlated Gaussian data's
// population law, perturbed level by level through a GOE draw's unfolded positions.
static EigenSpectrum Spectrum(int n, int seed)
{
    var unfolded = FiniteSizeReferences.GoeUnfolded(n, new SeededRandom(seed));
    return new EigenSpectrum(unfolded.Select(u => Math.Pow(n + 1 - Math.Clamp(u, 0.01, n), -1.5)),
        new SpectrumProvenance { Samples = 4 * n, Features = n });
}

static (double Median, double Min) Time(int repeats, Action action)
{
    action(); // warm-up (JIT)
    var times = new double[repeats];
    for (var i = 0; i < repeats; i++)
    {
        var sw = Stopwatch.StartNew();
        action();
        times[i] = sw.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    return (times[repeats / 2], times[0]);
}

Console.WriteLine($"# {Environment.ProcessorCount} logical cores, .NET {Environment.Version}");
var s4096 = Spectrum(4096, 7);
var noRefs = AnalysisOptions.Default with { FiniteSize = FiniteSizeOptions.Default with { Enabled = false } };
var all = Time(repeats, () => SpectralAnalysis.Run(s4096, noRefs));
Console.WriteLine($"all analyzers, n = 4096, no references: median {all.Median:F1} ms (min {all.Min:F1})");
var report = SpectralAnalysis.Run(s4096, noRefs);
foreach (var (k, v) in report.TimingsMs) Console.WriteLine($"  {k}: {v:F1} ms");
foreach (var n in new[] { 4096, 20000 })
{
    // Everything on, finite-size references included (capped at 4096 simulated levels).
    var s = Spectrum(n, 9);
    var full = Time(Math.Max(1, repeats / 2), () => SpectralAnalysis.Run(s));
    Console.WriteLine($"full report with references (defaults), n = {n}: median {full.Median:F1} ms");
}
foreach (var n in new[] { 1024, 4096 })
{
    var s = Spectrum(n, 8);
    var bulk = s.Bulk();
    var spacing = AnalysisOptions.Default.SpacingDistribution;
    foreach (var parallel in new[] { false, true })
    {
        var t = Time(repeats, () => FiniteSizeReferences.Simulate(s.NonZero.Count, bulk.KTop, bulk.KBottom, bulk.Levels, spacing,
            FiniteSizeOptions.Default with { Parallel = parallel }, 1));
        Console.WriteLine($"finite-size references, n = {n}, 10 GOE + 10 Poisson draws, {(parallel ? "parallel" : "one thread")}: median {t.Median:F1} ms (min {t.Min:F1})");
    }
    var tri = Time(repeats, () =>
    {
        for (var d = 0; d < 10; d++)
        {
            var levels = GoeEnsemble.Levels(n, new SeededRandom(d));
            Spectra.Analysis.SpacingRatio.SpacingRatioAnalyzer.MeanRatio(levels.AsSpan(10, n - 20));
        }
    });
    Console.WriteLine($"  10 tridiagonal GOE draws + eigenvalues + ⟨r̃⟩, n = {n}, one thread, one draw at a time: median {tri.Median:F1} ms");
    var paired = Time(repeats, () =>
    {
        for (var d = 0; d < 10; d += 2)
        {
            var (a, b) = GoeEnsemble.LevelsPair(n, new SeededRandom(d), new SeededRandom(d + 1));
            Spectra.Analysis.SpacingRatio.SpacingRatioAnalyzer.MeanRatio(a.AsSpan(10, n - 20));
            Spectra.Analysis.SpacingRatio.SpacingRatioAnalyzer.MeanRatio(b.AsSpan(10, n - 20));
        }
    });
    Console.WriteLine($"  10 tridiagonal GOE draws + eigenvalues + ⟨r̃⟩, n = {n}, one thread, two draws interleaved: median {paired.Median:F1} ms");
}

// The peer in the same run: SciPy's LAPACK tridiagonal solver on the same model (tools/benchmarks/analysis/peer_goe_reference.py).
var script = Path.Combine(AppContext.BaseDirectory, "../../../../peer_goe_reference.py");
if (File.Exists("/usr/bin/python3") && File.Exists(script))
{
    var psi = new ProcessStartInfo("/usr/bin/python3", $"\"{script}\" {repeats}") { RedirectStandardOutput = true };
    using var process = Process.Start(psi)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
    {
        var f = line.Split(' ');
        Console.WriteLine($"peer (SciPy eigvalsh_tridiagonal/LAPACK stev + numpy ⟨r̃⟩), n = {f[0]}, {f[1]} draws: median {f[2]} ms (mean ⟨r̃⟩ {f[3]})");
    }
}
else Console.WriteLine("peer skipped: /usr/bin/python3 or peer_goe_reference.py not found");
