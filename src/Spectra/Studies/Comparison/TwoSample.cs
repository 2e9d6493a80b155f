namespace Spectra.Studies.Comparison;

/// <summary>Two-sample distances between empirical distributions.</summary>
internal static class TwoSample
{
    /// <summary>sup |F_A − F_B| and its asymptotic p-value with n_eff = n m / (n + m).</summary>
    public static (double Statistic, double PValue) KolmogorovSmirnov(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count == 0 || b.Count == 0) return (0, 1);
        var x = a.ToArray();
        var y = b.ToArray();
        Array.Sort(x);
        Array.Sort(y);
        int i = 0, j = 0;
        double d = 0;
        while (i < x.Length && j < y.Length)
        {
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v) i++;
            while (j < y.Length && y[j] <= v) j++;
            d = Math.Max(d, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        var nEff = (double)x.Length * y.Length / (x.Length + y.Length);
        return (d, Analysis.KolmogorovSmirnov.PValue(d, Math.Max(1, (int)Math.Round(nEff))));
    }

    /// <summary>Hellinger distance √(1 − Σ √(p_i q_i)) of two samples binned on [low, high] (values outside go to one tail cell each).</summary>
    public static double Hellinger(IReadOnlyList<double> a, IReadOnlyList<double> b, double low, double high, int bins)
    {
        var p = Bin(a, low, high, bins);
        var q = Bin(b, low, high, bins);
        double bc = 0;
        for (var k = 0; k < p.Length; k++) bc += Math.Sqrt(p[k] * q[k]);
        return Math.Sqrt(Math.Max(0, 1 - bc));
    }

    /// <summary>The histogram of <paramref name="values"/> on <paramref name="bins"/> equal cells of [low, high], as a density (the tails are not in it).</summary>
    public static double[] Density(IReadOnlyList<double> values, double low, double high, int bins)
    {
        var width = (high - low) / bins;
        return Bin(values, low, high, bins)[1..^1].Select(share => share / width).ToArray();
    }

    private static double[] Bin(IReadOnlyList<double> values, double low, double high, int bins)
    {
        var cells = new double[bins + 2];
        var width = (high - low) / bins;
        foreach (var v in values)
        {
            var k = v < low ? 0 : v >= high ? bins + 1 : 1 + Math.Min(bins - 1, (int)((v - low) / width));
            cells[k] += 1.0 / values.Count;
        }
        return cells;
    }
}
