namespace Spectra.Tests.References;

public class FiniteSizeReferenceTests
{
    private static readonly AnalysisOptions Options = AnalysisOptions.Default with
    {
        PowerLaw = PowerLawOptions.Default with { BootstrapSamples = 50, TailFit = false },
        Skip = new[] { "form_factor" },
        FiniteSize = FiniteSizeOptions.Default with { Draws = 20 },
        Seed = 3,
    };

    private static EigenSpectrum Wishart(int samples, int features, int seed) =>
        new(LinearAlgebraBackends.Get().SymmetricEigenvalues(WhiteWishart.Matrix(samples, features, new SeededRandom(seed)), features),
            new SpectrumProvenance { Samples = samples, Features = features, Centered = false });

    [Fact]
    public void Tridiagonal_reference_matches_dense_GOE_draws_through_the_same_pipeline()
    {
        // The reference simulates GOE levels of the user's n by the tridiagonal model; dense GOE draws of the
        // same n through the same trimming must give the same ⟨r̃⟩ within 2 standard errors.
        const int n = 300, draws = 24;
        var shift = 1.5 * GoeEnsemble.SemicircleRadius(n);
        var dense = Enumerable.Range(0, draws).Select(k =>
            LinearAlgebraBackends.Get().SymmetricEigenvalues(GoeEnsemble.DenseMatrix(n, new SeededRandom(70 + k)), n).Select(v => v + shift).ToArray()).ToArray();
        var denseRatios = dense.Select(levels => SpacingRatioAnalyzer.MeanRatio(levels.AsSpan(10, n - 20))).ToArray();
        var user = dense[0];
        var reference = FiniteSizeReferences.Simulate(n, 10, 10, user[10..(n - 10)], SpacingDistributionOptions.Default,
            FiniteSizeOptions.Default with { Draws = 60 }, 9)!.Find(FiniteSizeReferences.RatioMean)!;
        var se = Math.Sqrt(Variance(denseRatios) / draws + reference.GoeSpread * reference.GoeSpread / 60);
        Assert.InRange(reference.GoeMean - denseRatios.Average(), -2 * se, 2 * se);
        // The spread of one draw's ⟨r̃⟩ agrees too (within the sampling error of a standard deviation).
        Assert.InRange(reference.GoeSpread / Math.Sqrt(Variance(denseRatios)), 0.6, 1.6);
    }

    [Fact]
    public void Wishart_data_is_GOE_like()
    {
        var report = SpectralAnalysis.Run(Wishart(1200, 300, 5), Options);
        Assert.Equal(Verdict.GoeLike, report.Verdict.Class);
        Assert.Equal("finite-size", report.Verdict.Basis);
        Assert.NotNull(report.References.FiniteSize);
        Assert.Equal(300, report.References.FiniteSize!.Levels);
        Assert.Equal(20, report.References.FiniteSize.Draws);
        Assert.True(report.Verdict.PGoe > 0.003);
        Assert.True(report.Verdict.PPoisson < 1e-6);
        Assert.Contains(report.Verdict.Reasons, r => r.Contains("P(s) agrees", StringComparison.Ordinal));
    }

    [Fact]
    public void Poisson_levels_are_Poisson_like()
    {
        var report = SpectralAnalysis.Run(new EigenSpectrum(PoissonLevels.Generate(500, new SeededRandom(2))), Options);
        Assert.Equal(Verdict.PoissonLike, report.Verdict.Class);
        var kl = report.References.Comparisons.Single(c => c.Key == FiniteSizeReferences.KlPoisson);
        Assert.Equal(Verdict.PoissonLike, kl.Verdict);
    }

    [Fact]
    public void Superposed_independent_spectra_are_intermediate()
    {
        // Two independent GOE spectra on the same interval: repulsion within each, none between them.
        const int n = 1000;
        var a = FiniteSizeReferences.GoeUnfolded(n, new SeededRandom(1));
        var b = FiniteSizeReferences.GoeUnfolded(n, new SeededRandom(2));
        var report = SpectralAnalysis.Run(new EigenSpectrum(a.Concat(b).Select(v => 1 + v)), Options);
        Assert.Equal(Verdict.Intermediate, report.Verdict.Class);
        Assert.InRange(report.Verdict.Position!.Value, 0.1, 0.9);
    }

    [Fact]
    public void Spacing_distribution_that_contradicts_the_ratio_downgrades_the_verdict()
    {
        // Six GOE spectra on separate intervals: locally GOE (⟨r̃⟩ GOE-like), but the density has six
        // semicircle humps and five gaps that a degree-9 polynomial cannot follow, so P(s) is far from
        // Wigner, further than the references (mapped through the same smooth fit) ever are.
        var levels = Enumerable.Range(0, 6).SelectMany(k =>
            GoeEnsemble.Levels(300, new SeededRandom(k)).Select(v => 4 * k + 2 + v / GoeEnsemble.SemicircleRadius(300)));
        var report = SpectralAnalysis.Run(new EigenSpectrum(levels), Options);
        var ratio = report.References.Comparisons.Single(c => c.Key == FiniteSizeReferences.RatioMean);
        Assert.Equal(Verdict.GoeLike, ratio.Verdict);
        Assert.Equal(Verdict.Intermediate, report.Verdict.Class);
        Assert.Contains(report.Verdict.Reasons, r => r.Contains("departs from the Wigner surmise", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_references_the_verdict_uses_the_asymptotes_and_says_so()
    {
        var report = SpectralAnalysis.Run(Wishart(1200, 300, 6), Options with { FiniteSize = FiniteSizeOptions.Default with { Enabled = false } });
        Assert.Null(report.References.FiniteSize);
        Assert.Equal("asymptotic", report.Verdict.Basis);
        Assert.Equal(Verdict.GoeLike, report.Verdict.Class);
        Assert.Single(report.References.Comparisons);
    }

    [Fact]
    public void References_depend_only_on_the_seed()
    {
        var bulk = Wishart(800, 200, 7).Bulk();
        FiniteSizeReferenceSet Run(int seed, bool parallel) => FiniteSizeReferences.Simulate(200, bulk.KTop, bulk.KBottom, bulk.Levels,
            SpacingDistributionOptions.Default, FiniteSizeOptions.Default with { Draws = 6, Parallel = parallel }, seed)!;
        Assert.Equal(Run(1, true).Statistics, Run(1, false).Statistics);
        Assert.NotEqual(Run(1, true).Statistics, Run(2, true).Statistics);
    }

    [Fact]
    public void Capped_references_approximate_the_full_size_ones()
    {
        const int n = 1600;
        var levels = GoeEnsemble.Levels(n, new SeededRandom(12)).Select(v => v + 1.5 * GoeEnsemble.SemicircleRadius(n)).ToArray();
        var bulk = new EigenSpectrum(levels).Bulk();
        FiniteSizeReferenceSet Run(int cap) => FiniteSizeReferences.Simulate(n, bulk.KTop, bulk.KBottom, bulk.Levels,
            SpacingDistributionOptions.Default, FiniteSizeOptions.Default with { Draws = 30, MaxLevels = cap }, 4)!;
        var full = Run(4096);
        var capped = Run(400);
        Assert.Equal((n, n), (full.Levels, full.SimulatedLevels));
        Assert.Equal((n, 400), (capped.Levels, capped.SimulatedLevels));
        var f = full.Find(FiniteSizeReferences.RatioMean)!;
        var c = capped.Find(FiniteSizeReferences.RatioMean)!;
        // Rescaled spreads describe the user's n; the means agree within the draws' own error.
        Assert.InRange(c.GoeSpread / f.GoeSpread, 0.6, 1.6);
        Assert.InRange(c.PoissonSpread / f.PoissonSpread, 0.6, 1.6);
        var se = Math.Sqrt(f.GoeSpread * f.GoeSpread / 30 + c.GoeSpread * c.GoeSpread * 4 / 30);
        Assert.InRange(c.GoeMean - f.GoeMean, -3 * se, 3 * se);
    }

    private static double Variance(double[] x)
    {
        var m = x.Average();
        return x.Sum(v => (v - m) * (v - m)) / (x.Length - 1);
    }
}
