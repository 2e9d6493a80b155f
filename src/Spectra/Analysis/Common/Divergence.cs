namespace Spectra.Analysis;

/// <summary>Divergences between discrete distributions given as probabilities over the same cells (natural logarithms).</summary>
internal static class Divergence
{
    /// <summary>KL(p ‖ q) = Σ p ln(p/q); cells with p = 0 add nothing; q must be positive wherever p is.</summary>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double s = 0;
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] <= 0) continue;
            // A reference cell with (numerically) no mass would make KL infinite; floor it at 1e-300.
            s += p[i] * Math.Log(p[i] / Math.Max(q[i], 1e-300));
        }
        return Math.Max(0, s);
    }

    /// <summary>Jensen–Shannon divergence, bounded by ln 2.</summary>
    public static double JensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var m = new double[p.Length];
        for (var i = 0; i < p.Length; i++) m[i] = 0.5 * (p[i] + q[i]);
        return Math.Clamp(0.5 * KullbackLeibler(p, m) + 0.5 * KullbackLeibler(q, m), 0, Math.Log(2));
    }
}
