namespace Spectra.Analysis.PowerLaw;

/// <summary>
/// The Clauset–Shalizi–Newman (2009) continuous power-law fit: for each candidate x_min the MLE
/// â = 1 + m / Σ ln(x_i / x_min) over the m values ≥ x_min; x_min minimises the KS distance between
/// the tail and the fitted law; goodness of fit by a semi-parametric bootstrap (synthetic tails
/// from the fitted law, the body resampled from the data, each refitted with its own x_min).
/// </summary>
internal static class ContinuousPowerLawFit
{
    public sealed record Fit(double Exponent, double XMin, int TailCount, double KsDistance)
    {
        public double StandardError => (Exponent - 1) / Math.Sqrt(TailCount);
    }

    /// <summary>Best fit over at most <paramref name="maxCandidates"/> x_min values; null when fewer than <paramref name="minTail"/> distinct values exist.</summary>
    public static Fit? FitBest(double[] ascending, int minTail, int maxCandidates)
    {
        var n = ascending.Length;
        if (n < minTail || ascending[0] <= 0) return null;
        // Suffix sums of ln x make each candidate's MLE O(1); its KS distance costs O(m) exponentials.
        var logs = new double[n];
        for (var i = 0; i < n; i++) logs[i] = Math.Log(ascending[i]);
        var suffixLog = new double[n + 1];
        for (var i = n - 1; i >= 0; i--) suffixLog[i] = suffixLog[i + 1] + logs[i];
        Fit? best = null;
        foreach (var j in CandidateStarts(ascending, minTail, maxCandidates))
        {
            var xmin = ascending[j];
            var m = n - j;
            var sumLog = suffixLog[j] - m * logs[j];
            if (sumLog <= 0) continue;
            var a = 1 + m / sumLog;
            var d = KsDistance(logs, j, a);
            if (best is null || d < best.KsDistance) best = new Fit(a, xmin, m, d);
        }
        return best;
    }

    /// <summary>
    /// Indices of the x_min candidates, ascending. Every admissible one when there are at most
    /// <paramref name="maxCandidates"/>; otherwise tail counts spaced evenly in ln m from the shortest
    /// admissible tail to the whole sample, so that short tails (where an eigenvalue density's tail
    /// lives, and where a one-level step changes the fit most) are resolved as finely as long ones
    /// relatively. Even spacing in rank would leave a gap of n / K levels at the short end.
    /// </summary>
    internal static List<int> CandidateStarts(double[] ascending, int minTail, int maxCandidates)
    {
        var n = ascending.Length;
        var lastStart = n - minTail;
        var starts = new List<int>(Math.Min(maxCandidates, lastStart + 1));
        var exhaustive = lastStart + 1 <= maxCandidates;
        var count = exhaustive ? lastStart + 1 : maxCandidates;
        var logRatio = Math.Log((double)n / minTail);
        for (var c = 0; c < count; c++)
        {
            var j = exhaustive ? c
                : n - (int)Math.Round(minTail * Math.Exp(logRatio * (count - 1 - c) / (count - 1)));
            // Move to the first occurrence of a tied value, so "≥ x_min" keeps every copy.
            while (j > 0 && ascending[j - 1] == ascending[j]) j--;
            if (starts.Count > 0 && j <= starts[^1]) continue;
            starts.Add(j);
        }
        return starts;
    }

    /// <summary>
    /// sup |F_n − F| over the tail. Up to 4096 values every order statistic is checked; beyond, every
    /// k-th (k = ⌈m/4096⌉): F is monotone, so the sup is then underestimated by at most k/m ≤ 1/4096,
    /// far below the KS distance of any real tail, and a 20 000-level spectrum costs no more than a 4096-level one.
    /// </summary>
    private static double KsDistance(double[] logs, int start, double a)
    {
        var m = logs.Length - start;
        var stride = (m + 4095) / 4096;
        var logMin = logs[start];
        double d = 0;
        for (var i = 0; i < m; i += stride)
        {
            // F(x) = 1 − (x / x_min)^(1 − a), in logarithms.
            var f = -double.ExpM1((1 - a) * (logs[start + i] - logMin));
            d = Math.Max(d, Math.Max((i + 1.0) / m - f, f - (double)i / m));
        }
        return d;
    }

    /// <summary>Goodness-of-fit p-value: the fraction of synthetic datasets fitting at least as badly as the data.</summary>
    public static double GoodnessOfFit(double[] ascending, Fit fit, int samples, int minTail, int maxCandidates, SeededRandom random)
    {
        if (samples == 0) return 1;
        var n = ascending.Length;
        var bodyCount = n - fit.TailCount;
        var tailProbability = (double)fit.TailCount / n;
        var synthetic = new double[n];
        var worse = 0;
        for (var b = 0; b < samples; b++)
        {
            for (var i = 0; i < n; i++)
            {
                synthetic[i] = bodyCount == 0 || random.NextDouble() < tailProbability
                    ? fit.XMin * Math.Pow(random.NextOpenDouble(), -1 / (fit.Exponent - 1))
                    : ascending[random.NextInt(bodyCount)];
            }
            Array.Sort(synthetic);
            var refit = FitBest(synthetic, minTail, maxCandidates);
            if (refit is null || refit.KsDistance >= fit.KsDistance) worse++;
        }
        return (double)worse / samples;
    }
}
