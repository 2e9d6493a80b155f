namespace Spectra.Tests.Analysis;

public class SpacingRatioTests
{
    [Fact]
    public void Ratios_of_a_known_sequence()
    {
        // Spacings 1, 2, 4, 1 → r̃ = 1/2, 1/2, 1/4.
        var (ratios, zeros, excluded) = SpacingRatioAnalyzer.Ratios(new[] { 0.0, 1, 3, 7, 8 }, 1);
        Assert.Equal(new[] { 0.5, 0.5, 0.25 }, ratios);
        Assert.Equal((0, 0), (zeros, excluded));
        // Second order: non-overlapping 2-spacings S_0 = λ_2 − λ_0 = 3 and S_2 = λ_4 − λ_2 = 5 → r̃ = 3/5.
        var (second, _, _) = SpacingRatioAnalyzer.Ratios(new[] { 0.0, 1, 3, 7, 8 }, 2);
        Assert.Equal(new[] { 3.0 / 5.0 }, second);
    }

    [Fact]
    public void Exact_ties_are_excluded_and_counted_never_NaN()
    {
        var levels = Enumerable.Range(1, 100).Select(i => (double)i * i).ToList();
        levels.Add(25); // a degenerate pair at 25
        levels.Add(400);
        levels.Add(400); // a triple at 400
        var result = Analyzers.SpacingRatio.Analyze(AnalysisInput.Of(new EigenSpectrum(levels), 0, 0), SpacingRatioOptions.Default).Value!;
        Assert.Equal(3, result.ZeroSpacings);
        // The pair touches 2 ratios; the triple's two zero spacings touch 3.
        Assert.Equal(5, result.ExcludedRatios);
        Assert.Equal(103 - 2 - 5, result.Count);
        Assert.True(double.IsFinite(result.Mean) && double.IsFinite(result.StandardError));
    }

    [Fact]
    public void GOE_spectrum_is_near_GOE_and_Poisson_near_Poisson()
    {
        var goe = Analyzers.SpacingRatio.Analyze(AnalysisInput.Of(TestSpectra.ShiftedGoe(3000, 1), 300, 300), SpacingRatioOptions.Default).Value!;
        Assert.InRange(goe.Mean, 0.5307 - 4 * goe.StandardError, 0.5307 + 4 * goe.StandardError);
        Assert.InRange(goe.Position, 0.85, 1.15);
        Assert.True(goe.Against("goe").KsStatistic < goe.Against("poisson").KsStatistic);
        // The Atas surmise is close to, not equal to, the large-N law (means 0.5359 vs 0.5307): small KS distance, not a large p.
        Assert.True(goe.Against("goe").KsStatistic < 0.04);
        var poisson = Analyzers.SpacingRatio.Analyze(AnalysisInput.Of(TestSpectra.Poisson(3000, 1)), SpacingRatioOptions.Default).Value!;
        Assert.InRange(poisson.Mean, 0.3863 - 4 * poisson.StandardError, 0.3863 + 4 * poisson.StandardError);
        Assert.True(poisson.Against("poisson").KsPValue > 0.01);
        Assert.True(poisson.Against("goe").KsPValue < 1e-6);
        Assert.Equal(1.0, poisson.Histogram.Density.Sum() * 0.05, 1e-12);
    }

    [Fact]
    public void Higher_order_ratios_of_GOE_exceed_first_order()
    {
        var o = SpacingRatioOptions.Default with { HigherOrders = new[] { 2, 3 } };
        var goe = Analyzers.SpacingRatio.Analyze(AnalysisInput.Of(TestSpectra.ShiftedGoe(2000, 2), 200, 200), o).Value!;
        Assert.Equal(new[] { 2, 3 }, goe.HigherOrders.Select(h => h.Order));
        // k-spacings of GOE are more rigid than nearest-neighbour ones: ⟨r̃⁽ᵏ⁾⟩ grows with k.
        Assert.True(goe.HigherOrders[0].Mean > goe.Mean && goe.HigherOrders[1].Mean > goe.HigherOrders[0].Mean);
        // Poisson 2-spacings are independent Gamma(2) sums: P(r) = 6r/(1 + r)⁴, whose folded mean is exactly 1/2.
        var poisson = Analyzers.SpacingRatio.Analyze(AnalysisInput.Of(TestSpectra.Poisson(40000, 3)), o).Value!;
        var second = poisson.HigherOrders[0];
        Assert.InRange(second.Mean, 0.5 - 4 * second.StandardError * 1.5, 0.5 + 4 * second.StandardError * 1.5);
    }
}
