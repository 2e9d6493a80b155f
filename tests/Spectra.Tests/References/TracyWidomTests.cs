using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Spectra.Tests.References;

public class TracyWidomTests
{
    [Fact]
    public void Published_values_at_zero()
    {
        // Bornemann (2010) / RandomMatrices.jl's tests.
        Assert.Equal(0.83190806620295, TracyWidom.Cdf(0), 1e-13);
        Assert.Equal(0.96937282835526, TracyWidom.Cdf(0, 2), 1e-13);
    }

    [Theory]
    // Tabulated quantiles of TW₁, s to 4 decimals: one unit of that digit moves F by at most 1e-4 × max density (0.33).
    [InlineData(-3.1804, 0.05)]
    [InlineData(-1.2685, 0.50)]
    [InlineData(0.4501, 0.90)]
    [InlineData(0.9793, 0.95)]
    [InlineData(2.0234, 0.99)]
    public void Tabulated_quantiles(double s, double probability)
    {
        Assert.Equal(probability, TracyWidom.Cdf(s), 3.3e-5);
        Assert.Equal(1 - probability, TracyWidom.Survival(s), 3.3e-5);
    }

    [Fact]
    public void Mean_and_variance_of_TW_1()
    {
        // E X = ∫₀^∞ (1 − F) − ∫_{−∞}^0 F and E X² = ∫₀^∞ 2s (1 − F) + ∫_{−∞}^0 2|s| F; beyond −9 and 14 both are below 1e-15.
        var below = GaussLegendreNodes.On(-9, 0, 80);
        var above = GaussLegendreNodes.On(0, 14, 80);
        double mean = 0, second = 0;
        for (var i = 0; i < 80; i++)
        {
            double s = below.Nodes[i], f = TracyWidom.Cdf(s);
            mean -= below.Weights[i] * f;
            second -= below.Weights[i] * 2 * s * f;
            s = above.Nodes[i];
            var tail = TracyWidom.Survival(s);
            mean += above.Weights[i] * tail;
            second += above.Weights[i] * 2 * s * tail;
        }
        Assert.Equal(TracyWidom.Mean, mean, 1e-12);
        // Bornemann's variance of TW₁; the standard deviation is its square root.
        Assert.Equal(1.607781034581, second - mean * mean, 1e-11);
        Assert.Equal(TracyWidom.StandardDeviation, Math.Sqrt(1.607781034581), 1e-13);
    }

    [Theory]
    // s, β, survival from scipy.special.airy with 300 Gauss–Legendre nodes on (s, |s| + 24) (agrees with 200 nodes on (s, |s| + 30) to 1e-12).
    [InlineData(4, 1, 2.203444874330e-04)]
    [InlineData(6, 1, 1.940814072646e-06)]
    [InlineData(8, 1, 8.045424879869e-09)]
    [InlineData(4, 2, 4.957912153330e-08)]
    [InlineData(6, 2, 3.817232659009e-12)]
    [InlineData(8, 2, 6.533563206930e-17)]
    public void Upper_tail_keeps_its_relative_digits(double s, int beta, double scipy)
    {
        var survival = TracyWidom.Survival(s, beta);
        Assert.Equal(1, survival / scipy, 1e-9);
        // A second discretisation of a different kernel: Ferrari–Spohn's B_s(x, y) = Ai(x + y + s) on (0, ∞),
        // F₁ = det(I − B_s) and F₂ = det(I − B_s²), from B_s's eigenvalues b: ln F₁ = Σ ln(1 − b), ln F₂ = Σ ln(1 − b²).
        var b = HankelEigenvalues(s, 64, 12);
        var logF = beta == 1 ? b.Sum(v => LogExpNearZero.Log1p(-v)) : b.Sum(v => LogExpNearZero.Log1p(-v * v));
        Assert.Equal(1, survival / -LogExpNearZero.Expm1(logF), 1e-9);
    }

    [Fact]
    public void Body_agrees_with_the_Hankel_form()
    {
        for (var s = -8.0; s <= 3; s += 1)
        {
            var b = HankelEigenvalues(s, 64, 12 + Math.Max(0, -s));
            Assert.Equal(Math.Exp(b.Sum(v => LogExpNearZero.Log1p(-v))), TracyWidom.Cdf(s), 1e-12);
            Assert.Equal(Math.Exp(b.Sum(v => LogExpNearZero.Log1p(-v * v))), TracyWidom.Cdf(s, 2), 1e-12);
            Assert.Equal(1, TracyWidom.Cdf(s) + TracyWidom.Survival(s), 1e-15);
        }
        Assert.Equal(0, TracyWidom.Cdf(-9.5));
        Assert.Equal(1, TracyWidom.Survival(-9.5));
        Assert.Equal(0, TracyWidom.Survival(200));
        Assert.True(double.IsNaN(TracyWidom.Survival(double.NaN)));
    }

    [Fact]
    public void Log_and_exp_near_zero_keep_relative_digits()
    {
        foreach (var x in new[] { 6.5e-17, -3e-12, 1e-9, -2e-6 })
        {
            // Taylor series to x⁴: the first neglected term is below 1e-23 relative here.
            Assert.Equal(x - x * x / 2 + x * x * x / 3 - x * x * x * x / 4, LogExpNearZero.Log1p(x), Math.Abs(x) * 1e-15);
            Assert.Equal(x + x * x / 2 + x * x * x / 6 + x * x * x * x / 24, LogExpNearZero.Expm1(x), Math.Abs(x) * 1e-15);
        }
        foreach (var x in new[] { -0.9, -0.3, 1e-3, 0.4, 2.0 })
        {
            Assert.Equal(Math.Log(1 + x), LogExpNearZero.Log1p(x), 1e-15);
            Assert.Equal(Math.Exp(x) - 1, LogExpNearZero.Expm1(x), 1e-15);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(120)]
    public void Gauss_Legendre_rule_is_exact_for_polynomials_of_degree_2_n_minus_1(int n)
    {
        var (x, w) = GaussLegendreNodes.On(-1, 3, n);
        for (var k = 0; k < 2 * n; k += Math.Max(1, n / 8))
        {
            // ∫_{−1}^{3} ((t − 1)/2)^k dt = 2 ∫_{−1}^{1} u^k du: 4/(k + 1) for even k, 0 for odd k.
            var exact = k % 2 == 0 ? 4.0 / (k + 1) : 0;
            var sum = x.Select((t, i) => w[i] * Math.Pow((t - 1) / 2, k)).Sum();
            Assert.Equal(exact, sum, 1e-14);
        }
        Assert.True(x.Zip(x.Skip(1)).All(p => p.First < p.Second));
    }

    private static double[] HankelEigenvalues(double s, int order, double length)
    {
        var (x, w) = GaussLegendreNodes.On(0, length, order);
        var m = Matrix<double>.Build.Dense(order, order,
            (i, j) => Math.Sqrt(w[i] * w[j]) * SpecialFunctions.AiryAi(x[i] + x[j] + s));
        return m.Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).ToArray();
    }
}
