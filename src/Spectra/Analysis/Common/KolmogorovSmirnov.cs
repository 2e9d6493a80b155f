namespace Spectra.Analysis;

/// <summary>One-sample Kolmogorov–Smirnov test of a sample against a continuous reference CDF.</summary>
internal static class KolmogorovSmirnov
{
    /// <summary>
    /// The statistic D = sup |F_n − F| and its asymptotic p-value with Stephens' small-sample
    /// correction λ = (√n + 0.12 + 0.11/√n) D. Level spacings and ratios are weakly correlated,
    /// so the p-value is nominal: read D against the finite-size reference spread, not p alone.
    /// </summary>
    public static (double Statistic, double PValue) Test(IReadOnlyList<double> sample, Func<double, double> cdf)
    {
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        if (n == 0) return (0, 1);
        double d = 0;
        for (var i = 0; i < n; i++)
        {
            var f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        return (d, PValue(d, n));
    }

    /// <summary>Kolmogorov survival function Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²).</summary>
    public static double PValue(double d, int n)
    {
        var sqrtN = Math.Sqrt(n);
        var lambda = (sqrtN + 0.12 + 0.11 / sqrtN) * d;
        if (lambda < 0.2) return 1;
        double sum = 0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-16) break;
        }
        return Math.Clamp(2 * sum, 0, 1);
    }
}
