using MathNet.Numerics.Integration;

namespace Spectra.Tests.References;

public class ClosedFormTests
{
    [Theory]
    [InlineData(0.1, 0.181768)]
    [InlineData(0.5, 0.653426)]
    [InlineData(1.0, 0.901388)]
    [InlineData(2.0, 0.978349)]
    public void GOE_form_factor_matches_tabulated_values(double tau, double expected) =>
        Assert.Equal(expected, FormFactorReferences.Goe(tau), 6);

    [Fact]
    public void GOE_form_factor_branches_meet_at_one_and_approach_the_plateau()
    {
        Assert.Equal(FormFactorReferences.Goe(1.0), FormFactorReferences.Goe(1.0 + 1e-9), 7);
        Assert.InRange(FormFactorReferences.Goe(1000), 1 - 1e-6, 1);
        Assert.Equal(1.0, FormFactorReferences.Gue(3));
        Assert.Equal(0.3, FormFactorReferences.Gue(0.3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Atas_folded_density_integrates_to_one(int beta)
    {
        var ensemble = beta switch { 1 => LevelStatistics.Goe, 2 => LevelStatistics.Gue, _ => LevelStatistics.Gse };
        var integral = GaussLegendreRule.Integrate(r => SpacingRatioReferences.FoldedDensity(ensemble, r), 0, 1, 256);
        Assert.Equal(1.0, integral, 1e-8);
        // The unfolded P(r) on [0, ∞): split at 1 and map r → 1/u on the tail.
        var tail = GaussLegendreRule.Integrate(u => SpacingRatioReferences.AtasRatioDensity(beta, 1 / u) / (u * u), 0, 1, 256);
        var head = GaussLegendreRule.Integrate(r => SpacingRatioReferences.AtasRatioDensity(beta, r), 0, 1, 256);
        Assert.Equal(1.0, head + tail, 1e-8);
    }

    [Fact]
    public void Poisson_ratio_density_integrates_to_one_and_has_mean_two_ln_two_minus_one()
    {
        Assert.Equal(1.0, GaussLegendreRule.Integrate(r => SpacingRatioReferences.FoldedDensity(LevelStatistics.Poisson, r), 0, 1, 256), 1e-10);
        var mean = GaussLegendreRule.Integrate(r => r * SpacingRatioReferences.FoldedDensity(LevelStatistics.Poisson, r), 0, 1, 256);
        Assert.Equal(2 * Math.Log(2) - 1, mean, 1e-10);
        Assert.Equal(0.38629, SpacingRatioReferences.PoissonMean, 5);
    }

    [Fact]
    public void Atas_GOE_surmise_mean_is_four_minus_two_root_three()
    {
        var mean = GaussLegendreRule.Integrate(r => r * SpacingRatioReferences.FoldedDensity(LevelStatistics.Goe, r), 0, 1, 256);
        Assert.Equal(4 - 2 * Math.Sqrt(3), mean, 1e-10);
        Assert.Equal(0.53590, mean, 5);
    }

    [Theory]
    [InlineData(LevelStatistics.Poisson)]
    [InlineData(LevelStatistics.Goe)]
    [InlineData(LevelStatistics.Gue)]
    public void Spacing_densities_integrate_to_one_with_unit_mean(LevelStatistics ensemble)
    {
        double Integrate(Func<double, double> f) =>
            Enumerable.Range(0, 40).Sum(k => GaussLegendreRule.Integrate(f, k, k + 1, 64));
        Assert.Equal(1.0, Integrate(s => SpacingReferences.Density(ensemble, s)), 1e-8);
        Assert.Equal(1.0, Integrate(s => s * SpacingReferences.Density(ensemble, s)), 1e-8);
        // The closed-form CDFs are the integrals of the densities.
        foreach (var x in new[] { 0.3, 1.0, 2.5 })
            Assert.Equal(GaussLegendreRule.Integrate(s => SpacingReferences.Density(ensemble, s), 0, x, 64), SpacingReferences.Cdf(ensemble, x), 1e-12);
    }

    [Fact]
    public void Wigner_second_moment_is_four_over_pi()
    {
        var m2 = Enumerable.Range(0, 40).Sum(k => GaussLegendreRule.Integrate(s => s * s * SpacingReferences.WignerDensity(s), k, k + 1, 64));
        Assert.Equal(4 / Math.PI, m2, 1e-8);
    }

    [Theory]
    [InlineData(LevelStatistics.Goe, 0.4)]
    [InlineData(LevelStatistics.Gue, 0.7)]
    [InlineData(LevelStatistics.Poisson, 0.2)]
    public void Folded_ratio_CDF_is_the_integral_of_the_density(LevelStatistics ensemble, double x)
    {
        var h = 1e-5;
        var derivative = (SpacingRatioReferences.FoldedCdf(ensemble, x + h) - SpacingRatioReferences.FoldedCdf(ensemble, x - h)) / (2 * h);
        Assert.Equal(SpacingRatioReferences.FoldedDensity(ensemble, x), derivative, 1e-6);
        Assert.Equal(1.0, SpacingRatioReferences.FoldedCdf(ensemble, 1));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Marchenko_Pastur_density_has_the_right_mass_and_mean(double q)
    {
        var law = new MarchenkoPastur(q, 1.7);
        // x = a + (b − a)(1 − cos θ)/2 removes the square-root edges.
        double Integrate(Func<double, double> f) => GaussLegendreRule.Integrate(t =>
        {
            var x = law.LowerEdge + (law.UpperEdge - law.LowerEdge) * (1 - Math.Cos(t)) / 2;
            return f(x) * law.Density(x) * (law.UpperEdge - law.LowerEdge) / 2 * Math.Sin(t);
        }, 0, Math.PI, 256);
        Assert.Equal(law.ContinuousMass, Integrate(_ => 1), 1e-8);
        // E[λ] over the whole law (point mass at 0 included) is σ².
        Assert.Equal(1.7, Integrate(x => x), 1e-6);
        Assert.Equal(0.5, law.NonZeroCdf(law.NonZeroMedian()), 1e-9);
        Assert.Equal(1.7 * (1 + Math.Sqrt(q)) * (1 + Math.Sqrt(q)), law.UpperEdge, 12);
    }

    [Fact]
    public void Semicircle_CDF_runs_from_zero_to_one()
    {
        Assert.Equal(0.0, SemicircleLaw.Cdf(-5, 2));
        Assert.Equal(0.5, SemicircleLaw.Cdf(0, 2), 14);
        Assert.Equal(1.0, SemicircleLaw.Cdf(2, 2), 14);
        Assert.Equal(1.0, GaussLegendreRule.Integrate(x => SemicircleLaw.Density(x, 2), -2, 2, 256), 1e-4);
    }
}
