namespace Spectra.Analysis.FormFactor;

/// <summary>
/// K(τ) from Z_k(τ) = Σ_j ρ_j e^(−2πi ε_j τ), ρ_j = exp(−(ε_j − ε̄)²/(2(ηΓ)²)), over R realisations:
/// K = ⟨|Z|²⟩/⟨Σρ²⟩ and K_c = R/(R − 1) (⟨|Z|²⟩ − |⟨Z⟩|²)/⟨Σρ²⟩ (the R/(R − 1) removes the bias of
/// the sample mean). With one realisation ⟨Z⟩ is replaced by the transform of the filter over a unit
/// density, √(2π) ηΓ e^(−2π²τ²(ηΓ)²), which is what a disconnected part of unfolded levels is.
/// </summary>
internal sealed class FormFactorAnalyzer() : SpectrumAnalyzer<FormFactorOptions, FormFactorResult>("form_factor")
{
    /// <summary>The SFF of the input's bulk alone (one realisation, not averaged).</summary>
    protected override AnalyzerOutcome<FormFactorResult> Run(AnalysisInput input, FormFactorOptions options) =>
        Analyze(new[] { input.Bulk.Levels }, options);

    /// <summary>The SFF averaged over several realisations (each the ascending bulk of one spectrum).</summary>
    public AnalyzerOutcome<FormFactorResult> Analyze(IReadOnlyList<double[]> realisations, FormFactorOptions options)
    {
        ArgumentNullException.ThrowIfNull(realisations);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var need = Math.Max(Unfolder.MinimumLevels, options.MinimumLevels);
        var usable = realisations.Where(r => r.Length >= need && r[^1] > r[0]).ToList();
        if (usable.Count == 0)
            return AnalyzerOutcome<FormFactorResult>.NotEnough("the spectral form factor", realisations.Count == 0 ? 0 : realisations.Max(r => r.Length), need);

        var tau = LogGrid(options.TauMin, options.TauMax, options.Points);
        var transforms = Transform(usable, tau, options, out var levelsTotal);
        var r = usable.Count;
        var (k, kc) = transforms.Average();
        var smoothed = ThoulessTimeEstimator.RunningMean(kc, options.SmoothingWindow);
        var goe = tau.Select(FormFactorReferences.Goe).ToArray();
        var (se, definedFrom, thouless) = ThoulessTimeEstimator.Estimate(tau, goe, smoothed, transforms, options);
        var plateau = Enumerable.Range(0, tau.Length).Where(t => tau[t] >= 2).Select(t => kc[t]).ToArray();
        // Mean relative deviation from GOE on the ramp 0.1 ≤ τ ≤ 1: one number for how GOE-like the SFF is.
        var ramp = Enumerable.Range(0, tau.Length).Where(t => tau[t] >= 0.1 && tau[t] <= 1).ToArray();
        var rampDeviation = ramp.Length == 0 ? 0 : ramp.Average(t => Math.Abs(smoothed[t] - goe[t]) / goe[t]);
        return AnalyzerOutcome<FormFactorResult>.Ok(new FormFactorResult(r, levelsTotal / r, options.Eta, tau, k, kc, smoothed, goe, thouless.Value,
            plateau.Length == 0 ? null : plateau.Average(), rampDeviation, se, thouless.Spread, thouless.Reason, definedFrom));
    }

    private static RealisationTransforms Transform(List<double[]> usable, double[] tau, FormFactorOptions options, out double levelsTotal)
    {
        var re = new double[usable.Count][];
        var im = new double[usable.Count][];
        var rho2 = new double[usable.Count];
        var widths = new double[usable.Count];
        levelsTotal = 0;
        for (var k = 0; k < usable.Count; k++)
        {
            var eps = Unfolder.Unfold(usable[k], options.Unfolding).Levels;
            var mean = Statistics.Mean(eps);
            double variance = 0;
            foreach (var e in eps) variance += (e - mean) * (e - mean);
            var width = options.Eta * Math.Sqrt(variance / eps.Length);
            widths[k] = width;
            levelsTotal += eps.Length;
            var rho = new double[eps.Length];
            for (var j = 0; j < eps.Length; j++)
            {
                var u = (eps[j] - mean) / width;
                rho[j] = Math.Exp(-0.5 * u * u);
                rho2[k] += rho[j] * rho[j];
            }
            re[k] = new double[tau.Length];
            im[k] = new double[tau.Length];
            for (var t = 0; t < tau.Length; t++)
            {
                double sumRe = 0, sumIm = 0;
                var w = -2 * Math.PI * tau[t];
                for (var j = 0; j < eps.Length; j++)
                {
                    // Phases relative to the centre keep the arguments small and the sum well conditioned.
                    var (sin, cos) = Math.SinCos(w * (eps[j] - mean));
                    sumRe += rho[j] * cos;
                    sumIm += rho[j] * sin;
                }
                re[k][t] = sumRe;
                im[k][t] = sumIm;
            }
        }
        return new RealisationTransforms(tau, re, im, rho2, widths);
    }

    public static double[] LogGrid(double min, double max, int points)
    {
        var grid = new double[points];
        var step = Math.Log(max / min) / (points - 1);
        for (var i = 0; i < points; i++) grid[i] = min * Math.Exp(i * step);
        grid[^1] = max;
        return grid;
    }
}
