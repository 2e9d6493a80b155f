namespace Spectra.Tests.Analysis;

public class PowerLawTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.3)]
    public void Exact_power_law_gives_alpha_back_to_1_e_10(double alpha)
    {
        var spectrum = TestSpectra.PowerLaw(2000, alpha);
        var result = Analyzers.PowerLaw.Analyze(AnalysisInput.Of(spectrum), PowerLawOptions.Default with { TailBootstrapSamples = 10 }).Value!;
        Assert.Equal(alpha, result.Alpha, 1e-10);
        Assert.Equal(1.0, result.RSquared, 1e-10);
        Assert.Equal(11, result.StartRank);
        Assert.Equal(1000, result.EndRank);
        Assert.Equal(alpha, result.ConfidenceLow, 1e-9);
        Assert.Equal(alpha, result.ConfidenceHigh, 1e-9);
        Assert.All(result.Sensitivity, s => Assert.Equal(alpha, s.Alpha, 1e-9));
        Assert.Equal(new[] { "halved", "doubled" }, result.Sensitivity.Select(s => s.Range));
        // The tail fit of a deterministic rank law recovers the same exponent, a = 1 + 1/(1 + α).
        Assert.NotNull(result.Tail);
        Assert.Equal(alpha, result.Tail!.ImpliedAlpha, 0.1);
        Assert.True(result.Tail.AgreesWithOls);
    }

    [Fact]
    public void Bootstrap_interval_covers_the_estimate_of_a_noisy_spectrum()
    {
        var r = new SeededRandom(3);
        var spectrum = new Spectra.Spectrum.EigenSpectrum(Enumerable.Range(1, 1000).Select(i => Math.Pow(i, -1.7) * Math.Exp(0.1 * r.NextNormal())));
        var result = Analyzers.PowerLaw.Analyze(AnalysisInput.Of(spectrum, seed: 1), PowerLawOptions.Default with { TailFit = false }).Value!;
        Assert.InRange(result.Alpha, result.ConfidenceLow, result.ConfidenceHigh);
        Assert.InRange(0.7, result.ConfidenceLow - 0.05, result.ConfidenceHigh + 0.05);
        Assert.True(result.ConfidenceHigh - result.ConfidenceLow > 0);
        // Sorting noisy levels correlates neighbouring residuals, so the pairs bootstrap may be wider than
        // the OLS error; both must still describe the same order of scatter.
        Assert.InRange((result.ConfidenceHigh - result.ConfidenceLow) / (2 * 1.96 * result.StandardError), 0.5, 2.5);
        Assert.Null(result.Tail);
    }

    [Fact]
    public void CSN_fit_recovers_a_Pareto_exponent_within_its_confidence_interval()
    {
        // Pareto data above x_min = 1 with density exponent a = 2.5, below it a uniform body that the x_min search must cut away.
        const double a = 2.5;
        var r = new SeededRandom(17);
        var values = Enumerable.Range(0, 3000).Select(_ => Math.Pow(r.NextOpenDouble(), -1 / (a - 1)))
            .Concat(Enumerable.Range(0, 1000).Select(_ => 0.2 + 0.8 * r.NextDouble())).OrderBy(v => v).ToArray();
        var fit = ContinuousPowerLawFit.FitBest(values, 50, 200)!;
        Assert.InRange(a, fit.Exponent - 1.96 * fit.StandardError, fit.Exponent + 1.96 * fit.StandardError);
        Assert.InRange(fit.XMin, 0.9, 1.3);
        var p = ContinuousPowerLawFit.GoodnessOfFit(values, fit, 50, 50, 100, new SeededRandom(1));
        Assert.True(p > 0.1, $"a true power law must not be rejected (p = {p})");
    }

    [Fact]
    public void CSN_goodness_of_fit_rejects_an_exponential_tail()
    {
        var r = new SeededRandom(5);
        var values = Enumerable.Range(0, 3000).Select(_ => 1 + r.NextExponential()).OrderBy(v => v).ToArray();
        var fit = ContinuousPowerLawFit.FitBest(values, 50, 100)!;
        var p = ContinuousPowerLawFit.GoodnessOfFit(values, fit, 50, 50, 100, new SeededRandom(2));
        Assert.True(p < 0.1, $"an exponential tail must be rejected (p = {p})");
    }

    [Fact]
    public void Explicit_range_is_honoured_and_too_short_range_is_reported()
    {
        var spectrum = TestSpectra.PowerLaw(500, 0.8);
        var o = PowerLawOptions.Default with { StartRank = 20, EndRank = 100, TailFit = false, BootstrapSamples = 50 };
        var result = Analyzers.PowerLaw.Analyze(AnalysisInput.Of(spectrum), o).Value!;
        Assert.Equal((20, 100, 81), (result.StartRank, result.EndRank, result.Points));
        var tiny = Analyzers.PowerLaw.Analyze(AnalysisInput.Of(TestSpectra.PowerLaw(10, 0.8)), o);
        Assert.Equal(AnalysisStatus.NotEnoughLevels, tiny.Status);
        Assert.Contains("needs at least", tiny.Message);
    }
}
