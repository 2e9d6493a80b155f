using static System.FormattableString;

namespace Spectra.Analysis.FormFactor;

/// <summary>
/// The Thouless time: the smallest grid τ, no smaller than the first τ where K_c is defined, from which
/// the running mean K̄_c stays on the GOE curve up to τ_max, a point counting as off the curve only when
/// |K̄_c − K_GOE| &gt; tol·K_GOE + z·se(τ). se is the jackknife standard error of K̄_c over the
/// realisations, so noise in K widens the band instead of moving the estimate; the tolerance alone lets
/// one noisy point on the plateau push τ_Th past the Heisenberg time. Beyond τ = 1 there is no ramp to
/// join: none; and none where the band around the ramp still holds the Poisson plateau K = 1 (from
/// τ ≈ 0.8 at the default tolerance, earlier with few realisations), since joining it there says nothing.
/// </summary>
internal static class ThoulessTimeEstimator
{
    /// <summary>Below this many realisations there is no leave-one-out connected K to jackknife.</summary>
    private const int JackknifeMinimum = 3;

    public static (double[] StandardError, double? DefinedFrom, ThoulessEstimate Estimate) Estimate(double[] tau, double[] goe, double[] smoothed,
        RealisationTransforms transforms, FormFactorOptions options)
    {
        var defined = DefinedFrom(tau, goe, transforms, options.DisconnectedLimit);
        var r = transforms.Count;
        double[][] leaveOneOut = r >= JackknifeMinimum
            ? Enumerable.Range(0, r).Select(i => RunningMean(transforms.Average(i).Connected, options.SmoothingWindow)).ToArray()
            : Array.Empty<double[]>();
        var se = r >= JackknifeMinimum ? JackknifeErrors(leaveOneOut, tau.Length) : SingleDrawErrors(smoothed, r, options.SmoothingWindow);

        if (defined is not int from)
            return (se, null, new ThoulessEstimate(null, null,
                Invariant($"K_c is nowhere defined on the grid: the filter's disconnected part of K exceeds {options.DisconnectedLimit:G3} × K_GOE up to τ = {tau[^1]:G3}")));
        var definedFrom = tau[from];
        if (JoinIndex(smoothed, goe, se, options, from) is not int j)
            return (se, definedFrom, new ThoulessEstimate(null, null,
                Invariant($"K_c is off the GOE curve at τ = {tau[^1]:G3}, the end of the grid: it never joins it")));
        if (tau[j] > 1)
            return (se, definedFrom, new ThoulessEstimate(null, null,
                Invariant($"K_c joins the GOE curve only at τ = {tau[j]:G3}, beyond the Heisenberg time τ = 1, where there is no ramp to join")));
        if (OnCurve(FormFactorReferences.Poisson(tau[j]), goe[j], se[j], options))
            return (se, definedFrom, new ThoulessEstimate(null, null,
                Invariant($"K_c joins the GOE curve only at τ = {tau[j]:G3}, where the ramp (K = {goe[j]:G3}) is within the band of the Poisson plateau K = 1: no ramp was joined")));

        double? spread = null;
        if (leaveOneOut.Length > 0)
        {
            var values = leaveOneOut.Select(k => JoinIndex(k, goe, se, options, from)).OfType<int>().Select(i => tau[i]).ToArray();
            // τ_Th is a grid point: its uncertainty is at least the step to the next one.
            if (values.Length >= 2) spread = Math.Max(JackknifeSpread(values), tau[Math.Min(j + 1, tau.Length - 1)] - tau[j]);
        }
        return (se, definedFrom, new ThoulessEstimate(tau[j], spread, null));
    }

    /// <summary>The first index where the disconnected part of K is at most <paramref name="limit"/> × K_GOE; null if none.</summary>
    private static int? DefinedFrom(double[] tau, double[] goe, RealisationTransforms transforms, double limit)
    {
        for (var t = 0; t < tau.Length; t++)
            if (transforms.Disconnected(tau[t]) <= limit * goe[t]) return t;
        return null;
    }

    /// <summary>Running mean over <paramref name="window"/> grid points (fewer at the ends).</summary>
    public static double[] RunningMean(double[] values, int window)
    {
        var half = window / 2;
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var lo = Math.Max(0, i - half);
            var hi = Math.Min(values.Length - 1, i + half);
            double s = 0;
            for (var j = lo; j <= hi; j++) s += values[j];
            result[i] = s / (hi - lo + 1);
        }
        return result;
    }

    /// <summary>The first index ≥ <paramref name="from"/> from which every point to the end of the grid is on the curve; null if the last is off it.</summary>
    private static int? JoinIndex(double[] k, double[] goe, double[] se, FormFactorOptions o, int from)
    {
        int? first = null;
        for (var t = k.Length - 1; t >= from; t--)
        {
            if (OnCurve(k[t], goe[t], se[t], o)) first = t;
            else break;
        }
        return first;
    }

    private static bool OnCurve(double k, double goe, double se, FormFactorOptions o) =>
        Math.Abs(k - goe) <= o.ThoulessTolerance * goe + o.ThoulessSigma * se;

    private static double[] JackknifeErrors(double[][] leaveOneOut, int points)
    {
        var se = new double[points];
        var r = leaveOneOut.Length;
        for (var t = 0; t < points; t++)
        {
            double mean = 0;
            for (var i = 0; i < r; i++) mean += leaveOneOut[i][t];
            mean /= r;
            double ss = 0;
            for (var i = 0; i < r; i++) ss += (leaveOneOut[i][t] - mean) * (leaveOneOut[i][t] - mean);
            se[t] = Math.Sqrt((r - 1.0) / r * ss);
        }
        return se;
    }

    /// <summary>
    /// With one or two realisations: |Z|² of one draw scatters like an exponential variable (standard
    /// deviation = mean), and the running mean averages about one window of such points.
    /// </summary>
    private static double[] SingleDrawErrors(double[] smoothed, int r, int window) =>
        smoothed.Select(k => k / Math.Sqrt(r * (double)window)).ToArray();

    /// <summary>The jackknife standard deviation from leave-one-out values (those that have one).</summary>
    private static double JackknifeSpread(double[] values)
    {
        var n = values.Length;
        var mean = values.Average();
        return Math.Sqrt((n - 1.0) / n * values.Sum(v => (v - mean) * (v - mean)));
    }
}
