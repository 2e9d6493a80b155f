namespace Spectra.Analysis;

/// <summary>Small statistical helpers shared by the analyzers.</summary>
internal static class Statistics
{
    public static double Mean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x) s += v;
        return x.Length == 0 ? 0 : s / x.Length;
    }

    /// <summary>Sample standard deviation (n − 1 in the denominator; 0 for fewer than two values).</summary>
    public static double StandardDeviation(ReadOnlySpan<double> x)
    {
        if (x.Length < 2) return 0;
        var m = Mean(x);
        double s = 0;
        foreach (var v in x) s += (v - m) * (v - m);
        return Math.Sqrt(s / (x.Length - 1));
    }

    /// <summary>Linear-interpolated quantile of a sorted sample.</summary>
    public static double Quantile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var pos = Math.Clamp(p, 0, 1) * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(sorted.Length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Two-sided normal p-value of a z-score.</summary>
    public static double TwoSidedNormalP(double z) => MathNet.Numerics.SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>A finite value or the fallback (guards every report field against NaN and ∞).</summary>
    public static double Finite(double v, double fallback = 0) => double.IsFinite(v) ? v : fallback;

    public static double? FiniteOrNull(double v) => double.IsFinite(v) ? v : null;
}
