using Spectra.Analysis.Entropy;

namespace Spectra.Tests.Analysis;

/// <summary>The SCIENCE.md §6 rows on correlated and uncorrelated Gaussian data, d = 512.</summary>
[Collection(CorrelatedDataCollection.Name)]
public class CorrelatedDataTests(CorrelatedDataFixture data)
{
    [Theory]
    [InlineData(0.0, 1024)]
    [InlineData(0.5, 1024)]
    [InlineData(1.0, 1024)]
    [InlineData(0.0, 8192)]
    [InlineData(0.5, 8192)]
    [InlineData(1.0, 8192)]
    public void Fitted_exponent_is_within_point_one_of_the_population_value(double alpha, int samples)
    {
        var spectrum = data.Spectrum(alpha, samples);
        // SCIENCE.md: fit over i = 10 … n/2.
        var options = PowerLawOptions.Default with { StartRank = 10, BootstrapSamples = 200, TailFit = false };
        var result = Analyzers.PowerLaw.Analyze(AnalysisInput.Of(spectrum), options).Value!;
        Assert.Equal(256, result.EndRank);
        Assert.InRange(result.Alpha, alpha - 0.1, alpha + 0.1);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Tail_fit_is_an_independent_estimate_that_agrees(double alpha)
    {
        var options = PowerLawOptions.Default with { BootstrapSamples = 200, TailBootstrapSamples = 20 };
        var result = Analyzers.PowerLaw.Analyze(AnalysisInput.Of(data.Spectrum(alpha, 8192)), options).Value!;
        var tail = result.Tail!;
        Assert.InRange(tail.ImpliedAlpha, alpha - 3 * tail.ImpliedAlphaStandardError, alpha + 3 * tail.ImpliedAlphaStandardError);
        Assert.Equal(1 / (tail.Exponent - 1) - 1, tail.ImpliedAlpha, 12);
        Assert.True(tail.AgreesWithOls);
        Assert.True(tail.TailCount >= options.TailMinimumCount);
    }

    [Fact]
    public void Fitted_exponent_approaches_the_population_value_from_above_as_samples_grow()
    {
        var options = PowerLawOptions.Default with { StartRank = 10, BootstrapSamples = 0, TailFit = false };
        var small = Analyzers.PowerLaw.Analyze(AnalysisInput.Of(data.Spectrum(1.0, 1024)), options).Value!.Alpha;
        var large = Analyzers.PowerLaw.Analyze(AnalysisInput.Of(data.Spectrum(1.0, 8192)), options).Value!.Alpha;
        Assert.True(small > large && large > 1.0 - 0.02, $"α(M = 2d) = {small}, α(M = 16d) = {large}");
    }

    [Theory]
    [InlineData(null, 0.995)]
    [InlineData(0.0, 0.76)]
    [InlineData(0.5, 0.45)]
    [InlineData(1.0, 0.26)]
    public void Normalised_entropy_matches_the_table(double? alpha, double expected)
    {
        var result = Analyzers.Entropy.Analyze(AnalysisInput.Of(data.Spectrum(alpha, 8192)), EntropyOptions.Default).Value!;
        Assert.Equal(512, result.All.Levels);
        Assert.Equal(expected, result.All.Normalized, 0.02);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Unfolded_spacings_of_correlated_data_are_Wigner_like(double alpha)
    {
        var result = Analyzers.SpacingDistribution.Analyze(AnalysisInput.Of(data.Spectrum(alpha, 8192)), SpacingDistributionOptions.Default).Value!;
        Assert.True(result.Against("goe").KullbackLeibler <= 0.05, $"KL = {result.Against("goe").KullbackLeibler}");
        Assert.True(result.Against("poisson").KullbackLeibler > 0.2);
        Assert.Equal(1.0, result.MeanSpacing, 12);
    }

    [Fact]
    public void Log_unfolding_beats_linear_unfolding_on_a_power_law_bulk()
    {
        var spectrum = data.Spectrum(1.0, 8192);
        var log = Analyzers.SpacingDistribution.Analyze(AnalysisInput.Of(spectrum), SpacingDistributionOptions.Default).Value!;
        var linear = Analyzers.SpacingDistribution.Analyze(AnalysisInput.Of(spectrum),
            SpacingDistributionOptions.Default with { Unfolding = UnfoldingOptions.Default with { Method = UnfoldingMethod.PolynomialLambda } }).Value!;
        Assert.True(linear.Against("goe").KullbackLeibler > 5 * log.Against("goe").KullbackLeibler,
            $"KL(log) = {log.Against("goe").KullbackLeibler}, KL(linear) = {linear.Against("goe").KullbackLeibler}");
        var kernel = Analyzers.SpacingDistribution.Analyze(AnalysisInput.Of(spectrum),
            SpacingDistributionOptions.Default with { Unfolding = UnfoldingOptions.Default with { Method = UnfoldingMethod.GaussianKernel } }).Value!;
        Assert.True(kernel.Against("goe").KullbackLeibler < 0.1, $"KL(kernel) = {kernel.Against("goe").KullbackLeibler}");
    }

    [Theory]
    [InlineData(0.5, 1024)]
    [InlineData(1.0, 8192)]
    public void Spacing_ratio_of_Wishart_levels_is_GOE_like_at_every_M(double alpha, int samples)
    {
        var result = Analyzers.SpacingRatio.Analyze(AnalysisInput.Of(data.Spectrum(alpha, samples)), SpacingRatioOptions.Default).Value!;
        Assert.InRange(result.Mean, 0.5307 - 4 * result.StandardError, 0.5307 + 4 * result.StandardError);
    }
}
