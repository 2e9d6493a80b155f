using Spectra.References;
using Spectra.Spectrum.Unfolding;

namespace Spectra.Analysis.FormFactor;

/// <summary>
/// K(τ) from Z_k(τ) = Σ_j ρ_j e^(−2πi ε_j τ), ρ_j = exp(−(ε_j − ε̄)²/(2(ηΓ)²)), over R realisations:
/// K = ⟨|Z|²⟩/⟨Σρ²⟩ and K_c = R/(R − 1) (⟨|Z|²⟩ − |⟨Z⟩|²)/⟨Σρ²⟩ (the R/(R − 1) removes the bias of
/// the sample mean). With one realisation ⟨Z⟩ is replaced by the transform of the filter over a unit
/// density, √(2π) ηΓ e^(−2π²τ²(ηΓ)²), which is what a disconnected part of unfolded levels is.
/// </summary>
public sealed class FormFactorAnalyzer : ISpectrumAnalyzer<FormFactorOptions, FormFactorResult>
{
    public static FormFactorAnalyzer Instance { get; } = new();

    public string Name => "form_factor";

    /// <summary>The SFF of the input's bulk alone (one realisation, not averaged).</summary>
    public AnalysisOutcome<FormFactorResult> Analyze(AnalysisInput input, FormFactorOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Analyze(new[] { input.Bulk.Levels }, options);
    }

    /// <summary>The SFF averaged over several realisations (each the ascending bulk of one spectrum).</summary>
    public AnalysisOutcome<FormFactorResult> Analyze(IReadOnlyList<double[]> realisations, FormFactorOptions options)
    {
        ArgumentNullException.ThrowIfNull(realisations);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var need = Math.Max(Unfolder.MinimumLevels, options.MinimumLevels);
        var usable = realisations.Where(r => r.Length >= need && r[^1] > r[0]).ToList();
        if (usable.Count == 0)
            return AnalysisOutcome<FormFactorResult>.NotEnough("the spectral form factor", realisations.Count == 0 ? 0 : realisations.Max(r => r.Length), need);

        var tau = LogGrid(options.TauMin, options.TauMax, options.Points);
        var sumAbs2 = new double[tau.Length];
        var sumRe = new double[tau.Length];
        var sumIm = new double[tau.Length];
        double sumRho2 = 0, sumWidth = 0, levelsTotal = 0;
        foreach (var levels in usable)
        {
            var eps = Unfolder.Unfold(levels, options.Unfolding).Levels;
            var mean = Statistics.Mean(eps);
            double variance = 0;
            foreach (var e in eps) variance += (e - mean) * (e - mean);
            var width = options.Eta * Math.Sqrt(variance / eps.Length);
            sumWidth += width;
            levelsTotal += eps.Length;
            var rho = new double[eps.Length];
            for (var j = 0; j < eps.Length; j++)
            {
                var u = (eps[j] - mean) / width;
                rho[j] = Math.Exp(-0.5 * u * u);
                sumRho2 += rho[j] * rho[j];
            }
            for (var t = 0; t < tau.Length; t++)
            {
                double re = 0, im = 0;
                var w = -2 * Math.PI * tau[t];
                for (var j = 0; j < eps.Length; j++)
                {
                    // Phases relative to the centre keep the arguments small and the sum well conditioned.
                    var (sin, cos) = Math.SinCos(w * (eps[j] - mean));
                    re += rho[j] * cos;
                    im += rho[j] * sin;
                }
                sumAbs2[t] += re * re + im * im;
                sumRe[t] += re;
                sumIm[t] += im;
            }
        }
        var r = usable.Count;
        var norm = sumRho2 / r;
        var k = new double[tau.Length];
        var kc = new double[tau.Length];
        var meanWidth = sumWidth / r;
        for (var t = 0; t < tau.Length; t++)
        {
            var abs2 = sumAbs2[t] / r;
            k[t] = abs2 / norm;
            double disconnected;
            if (r > 1)
            {
                var mr = sumRe[t] / r;
                var mi = sumIm[t] / r;
                disconnected = mr * mr + mi * mi;
                kc[t] = Math.Max(0, (double)r / (r - 1) * (abs2 - disconnected) / norm);
            }
            else
            {
                var smooth = Math.Sqrt(2 * Math.PI) * meanWidth * Math.Exp(-2 * Math.PI * Math.PI * tau[t] * tau[t] * meanWidth * meanWidth);
                kc[t] = Math.Max(0, (abs2 - smooth * smooth) / norm);
            }
        }
        var smoothed = RunningMean(kc, options.SmoothingWindow);
        var goe = tau.Select(FormFactorReferences.Goe).ToArray();
        var thouless = ThoulessTime(tau, smoothed, goe, options.ThoulessTolerance);
        var plateau = Enumerable.Range(0, tau.Length).Where(t => tau[t] >= 2).Select(t => kc[t]).ToArray();
        // Mean relative deviation from GOE on the ramp 0.1 ≤ τ ≤ 1: one number for how GOE-like the SFF is.
        var ramp = Enumerable.Range(0, tau.Length).Where(t => tau[t] >= 0.1 && tau[t] <= 1).ToArray();
        var rampDeviation = ramp.Length == 0 ? 0 : ramp.Average(t => Math.Abs(smoothed[t] - goe[t]) / goe[t]);
        return AnalysisOutcome<FormFactorResult>.Ok(new FormFactorResult(r, levelsTotal / r, options.Eta, tau, k, kc, smoothed, goe, thouless,
            plateau.Length == 0 ? null : plateau.Average(), rampDeviation));
    }

    public static double[] LogGrid(double min, double max, int points)
    {
        var grid = new double[points];
        var step = Math.Log(max / min) / (points - 1);
        for (var i = 0; i < points; i++) grid[i] = min * Math.Exp(i * step);
        grid[^1] = max;
        return grid;
    }

    private static double[] RunningMean(double[] values, int window)
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

    private static double? ThoulessTime(double[] tau, double[] k, double[] goe, double tolerance)
    {
        int? first = null;
        for (var t = tau.Length - 1; t >= 0; t--)
        {
            if (Math.Abs(k[t] - goe[t]) <= tolerance * goe[t]) first = t;
            else break;
        }
        return first is int f ? tau[f] : null;
    }
}
