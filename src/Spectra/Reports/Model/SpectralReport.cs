using Spectra.Analysis;
using Spectra.Analysis.Entropy;
using Spectra.Analysis.FormFactor;
using Spectra.Analysis.MarchenkoPasturFit;
using Spectra.Analysis.PowerLaw;
using Spectra.Analysis.SpacingDistribution;
using Spectra.Analysis.SpacingRatio;
using Spectra.Spectrum;

namespace Spectra.Reports.Model;

/// <summary>
/// Everything one analysis found, as plain records (numbers, strings, arrays, lists): the CLI
/// serialises it 1:1, the notebooks read it, the checks compare its <see cref="Headline"/>.
/// No field holds NaN or infinity; "not available" is null.
/// </summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })] // rich display in notebooks (docs/notebooks.md)
public sealed record SpectralReport(
    string SchemaVersion,
    SpectrumProvenance Provenance,
    SpectrumSummary Spectrum,
    BulkSummary Bulk,
    AnalysisOptions Options,
    AnalysisOutcome<PowerLawResult> PowerLaw,
    AnalysisOutcome<SpacingDistributionResult> SpacingDistribution,
    AnalysisOutcome<SpacingRatioResult> SpacingRatio,
    AnalysisOutcome<FormFactorResult> FormFactor,
    AnalysisOutcome<EntropyResult> Entropy,
    AnalysisOutcome<MarchenkoPasturResult> MarchenkoPastur,
    ReferenceSummary References,
    Verdict Verdict,
    IReadOnlyDictionary<string, double> TimingsMs)
{
    public const string CurrentSchemaVersion = "1";

    /// <summary>The headline numbers, flat, with stable keys (only those the analysis could compute).</summary>
    public IReadOnlyList<Metric> Headline()
    {
        var m = new List<Metric>
        {
            new("spectrum.non_zero", Spectrum.NonZero, null, "non-zero eigenvalues"),
            new("spectrum.zero_modes", Spectrum.ZeroModes, null, "numerically zero eigenvalues"),
            new("bulk.levels", Bulk.Levels, null, "levels in the bulk"),
        };
        if (SpacingRatio.Value is { } r)
        {
            m.Add(new("spacing_ratio.mean", r.Mean, r.StandardError, "mean spacing ratio ⟨r̃⟩ (Poisson 0.3863, GOE 0.5307)"));
            m.Add(new("spacing_ratio.position", r.Position, r.StandardError / (SpacingRatioGap), "⟨r̃⟩ between Poisson (0) and GOE (1)"));
            m.Add(new("spacing_ratio.ks_goe", r.Against("goe").KsStatistic, null, "KS distance of r̃ to the GOE Atas surmise"));
        }
        if (Verdict.ZGoe is { } zg) m.Add(new("verdict.z_goe", zg, null, $"z-score of ⟨r̃⟩ against the GOE reference ({Verdict.Basis})"));
        if (Verdict.ZPoisson is { } zp) m.Add(new("verdict.z_poisson", zp, null, $"z-score of ⟨r̃⟩ against the Poisson reference ({Verdict.Basis})"));
        if (SpacingDistribution.Value is { } s)
        {
            m.Add(new("spacing_distribution.kl_goe", s.Against("goe").KullbackLeibler, null, "KL(P(s) ‖ Wigner surmise)"));
            m.Add(new("spacing_distribution.kl_poisson", s.Against("poisson").KullbackLeibler, null, "KL(P(s) ‖ Poisson)"));
            m.Add(new("spacing_distribution.js_goe", s.Against("goe").JensenShannon, null, "JS divergence of P(s) to the Wigner surmise"));
            m.Add(new("spacing_distribution.ks_goe", s.Against("goe").KsStatistic, null, "KS distance of P(s) to the Wigner surmise"));
            m.Add(new("unfolding.residual_rms", s.Unfolding.ResidualRms, null, "RMS of the staircase fit, in levels"));
        }
        if (PowerLaw.Value is { } p)
        {
            m.Add(new("power_law.alpha", p.Alpha, (p.ConfidenceHigh - p.ConfidenceLow) / 2, "bulk power-law exponent α, λ_i ∝ i^-(1+α)"));
            m.Add(new("power_law.r_squared", p.RSquared, null, "R² of the log-log fit"));
            m.Add(new("power_law.sensitivity", p.SensitivitySpread, null, "largest change of α when the range is halved or doubled"));
            if (p.Tail is { } t)
                m.Add(new("power_law.tail_alpha", t.ImpliedAlpha, t.ImpliedAlphaStandardError, "α implied by the CSN tail fit"));
        }
        if (Entropy.Value is { } e)
        {
            m.Add(new("entropy.normalized", e.All.Normalized, null, "spectral entropy S / ln n (all non-zero levels)"));
            m.Add(new("entropy.effective_rank", e.All.EffectiveRank, null, "effective rank exp(S)"));
            if (e.Bulk is { } b) m.Add(new("entropy.bulk_normalized", b.Normalized, null, "spectral entropy S / ln n of the bulk"));
        }
        if (MarchenkoPastur.Value is { } mp)
        {
            m.Add(new("marchenko_pastur.above_edge", mp.AboveUpperEdge, null, "eigenvalues above the MP edge λ₊ (signal directions)"));
            m.Add(new("marchenko_pastur.ks", mp.KsDistance, null, "KS distance to the MP law"));
            m.Add(new("marchenko_pastur.tracy_widom_p", mp.TracyWidom.PValue, null, "Tracy–Widom p-value of the largest eigenvalue"));
        }
        if (FormFactor.Value is { } f)
        {
            m.Add(new("form_factor.ramp_deviation", f.RampDeviation, null, "mean relative deviation of K_c from GOE on 0.1 ≤ τ ≤ 1"));
            if (f.ThoulessTime is { } th) m.Add(new("form_factor.thouless_time", th, f.ThoulessTimeSpread, "Thouless time (Heisenberg units)"));
        }
        return m;
    }

    private static double SpacingRatioGap => global::Spectra.References.SpacingRatioReferences.GoeMean - global::Spectra.References.SpacingRatioReferences.PoissonMean;
}
