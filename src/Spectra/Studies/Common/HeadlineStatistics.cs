namespace Spectra.Studies;

/// <summary>
/// The numbers a study tracks for one spectrum. Each is null when the spectrum has too few levels
/// for it (never NaN), so results serialise as plain JSON.
/// </summary>
/// <param name="NonZeroLevels">Levels above the zero-mode threshold.</param>
/// <param name="BulkLevels">Levels left after trimming k_top and k_bottom.</param>
/// <param name="MeanRatio">⟨r̃⟩ on the bulk.</param>
/// <param name="MeanRatioStandardError">Its standard error.</param>
/// <param name="RatioPosition">(⟨r̃⟩ − Poisson) / (GOE − Poisson): 0 Poisson, 1 GOE.</param>
/// <param name="SpacingKlGoe">KL(P(s) ‖ Wigner surmise) of the unfolded bulk.</param>
/// <param name="SpacingJsGoe">Jensen–Shannon divergence of the same histograms.</param>
/// <param name="Alpha">Power-law exponent α of λ_i ∝ i^-(1+α) (OLS, default range).</param>
/// <param name="NormalizedEntropy">S / ln n over all non-zero levels.</param>
public sealed record HeadlineStatistics(int NonZeroLevels, int BulkLevels, double? MeanRatio, double? MeanRatioStandardError,
    double? RatioPosition, double? SpacingKlGoe, double? SpacingJsGoe, double? Alpha, double? NormalizedEntropy)
{
    /// <summary>Names under which each statistic appears in study results and reports.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "mean_ratio", "spacing_kl_goe", "alpha", "normalized_entropy" };

    /// <summary>The statistic with the given name (see <see cref="Names"/>).</summary>
    public double? Get(string name) => name switch
    {
        "mean_ratio" => MeanRatio,
        "ratio_position" => RatioPosition,
        "spacing_kl_goe" => SpacingKlGoe,
        "spacing_js_goe" => SpacingJsGoe,
        "alpha" => Alpha,
        "normalized_entropy" => NormalizedEntropy,
        _ => throw new SpectraException(SpectraErrorKind.InvalidOption, $"unknown statistic '{name}'",
            hint: "use one of mean_ratio, ratio_position, spacing_kl_goe, spacing_js_goe, alpha, normalized_entropy"),
    };
}
