namespace Spectra.Tests.Analysis;

public class UnfoldingTests
{
    [Theory]
    [InlineData(UnfoldingMethod.PolynomialLogLambda)]
    [InlineData(UnfoldingMethod.PolynomialLambda)]
    [InlineData(UnfoldingMethod.GaussianKernel)]
    public void Uniform_levels_unfold_to_unit_spacing(UnfoldingMethod method)
    {
        var levels = Enumerable.Range(1, 500).Select(i => 10.0 + i).ToArray();
        var u = Unfolder.Unfold(levels, UnfoldingOptions.Default with { Method = method });
        Assert.Equal(25, u.Diagnostics.TrimmedPerEnd);
        Assert.Equal(449, u.Spacings.Length);
        Assert.Equal(1.0, u.Diagnostics.MeanSpacing, 0.01);
        Assert.All(u.Spacings, s => Assert.Equal(1.0, s, 0.05));
        Assert.Equal(0, u.Diagnostics.NegativeSpacings);
    }

    [Fact]
    public void Exact_power_law_density_is_unfolded_by_the_log_polynomial()
    {
        // λ_i = i^-2: N(λ) is a power of λ, a straight line in ln λ up to the discreteness of the staircase.
        var levels = Enumerable.Range(1, 2000).Select(i => Math.Pow(i, -2.0)).OrderBy(v => v).ToArray();
        var log = Unfolder.Unfold(levels, UnfoldingOptions.Default);
        Assert.Equal(9, log.Diagnostics.DegreeUsed);
        Assert.True(log.Diagnostics.ResidualRms < 1, $"residual {log.Diagnostics.ResidualRms}");
        var linear = Unfolder.Unfold(levels, UnfoldingOptions.Default with { Method = UnfoldingMethod.PolynomialLambda });
        Assert.True(linear.Diagnostics.ResidualRms > 10 * log.Diagnostics.ResidualRms);
    }

    [Fact]
    public void Semicircle_is_unfolded_close_to_the_exact_staircase()
    {
        const int n = 1000;
        var levels = GoeEnsemble.Levels(n, new SeededRandom(4)).Select(v => v + 1.5 * GoeEnsemble.SemicircleRadius(n)).ToArray();
        var fit = Unfolder.FitStaircase(levels, UnfoldingOptions.Default, out _);
        var radius = GoeEnsemble.SemicircleRadius(n);
        // Away from the edges, the fitted N̄ is within a few levels of n·F_sc.
        for (var i = 100; i < 900; i += 50)
        {
            var exact = n * SemicircleLaw.Cdf(levels[i] - 1.5 * radius, radius);
            Assert.InRange(fit.Evaluate(levels[i]) - exact, -4, 4);
        }
        var inverse = fit.InverseTable(8 * n);
        Assert.Equal(levels[500], inverse(fit.Evaluate(levels[500])), 1e-3 * levels[500]);
        Assert.Equal(levels[500], fit.Inverse(fit.Evaluate(levels[500])), 1e-9 * levels[500]);
    }

    [Fact]
    public void Short_spectra_lower_the_degree()
    {
        var levels = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();
        Assert.Equal(4, Unfolder.Unfold(levels, UnfoldingOptions.Default).Diagnostics.DegreeUsed);
    }

    [Fact]
    public void Bad_input_is_one_clear_error()
    {
        Assert.Equal(SpectraErrorKind.NotEnoughData, Assert.Throws<SpectraException>(() => Unfolder.Unfold(new[] { 1.0, 2 }, UnfoldingOptions.Default)).Kind);
        var negative = Enumerable.Range(-5, 20).Select(i => (double)i).ToArray();
        var e = Assert.Throws<SpectraException>(() => Unfolder.Unfold(negative, UnfoldingOptions.Default));
        Assert.Contains("polynomial-in-λ", e.Hint);
        Assert.Equal(16, Unfolder.Unfold(negative, UnfoldingOptions.Default with { Method = UnfoldingMethod.PolynomialLambda, TrimFraction = 0.1 }).Levels.Length);
        Assert.Throws<SpectraException>(() => Unfolder.Unfold(Enumerable.Repeat(1.0, 20).ToArray(), UnfoldingOptions.Default));
        Assert.Throws<SpectraException>(() => Unfolder.Unfold(new[] { 3.0, 2, 1, 4, 5, 6, 7, 8, 9 }, UnfoldingOptions.Default));
        Assert.Throws<SpectraException>(() => Unfolder.Unfold(negative, UnfoldingOptions.Default with { Degree = 0 }));
    }
}
