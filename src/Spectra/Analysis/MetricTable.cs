namespace Spectra.Analysis;

/// <summary>What one metric key means: its unit, what a higher value says, and where it is found.</summary>
/// <param name="Key">Dotted snake_case name, the same everywhere (report, rules, baseline, headline, notebooks).</param>
/// <param name="JsonPath">Where the number sits in the JSON report, or null for a number derived from it or from the analyzers' full results.</param>
/// <param name="Checked">Recorded by a baseline and accepted by a check rule.</param>
internal sealed record MetricDefinition(string Key, string Meaning, string Unit, string HigherMeans, string? JsonPath, bool Checked);

/// <summary>
/// The one table of metric names. The JSON report, the check rules and baselines, the headline of an
/// analysis, <c>DatasetAnalysis.Metric(key)</c> and docs/report-schema.md all take their keys from here;
/// a test holds each of them against it. A key is its JSON section and field where the report has one.
/// </summary>
internal static class MetricTable
{
    public const string SpectrumNonZero = "spectrum.non_zero";
    public const string ZeroModes = "spectrum.zero_modes";
    public const string BulkCount = "spectrum.bulk.count";
    public const string SpacingRatioMean = "spacing_ratio.mean";
    public const string SpacingRatioGoePosition = "spacing_ratio.goe_position";
    public const string SpacingRatioKsGoe = "spacing_ratio.ks_goe";
    public const string VerdictZGoe = "verdict.z_goe";
    public const string VerdictZPoisson = "verdict.z_poisson";
    public const string SpacingKlGoe = "spacing_distribution.kl_goe";
    public const string SpacingKlPoisson = "spacing_distribution.kl_poisson";
    public const string SpacingJsGoe = "spacing_distribution.js_goe";
    public const string SpacingKsGoe = "spacing_distribution.ks_goe";
    public const string UnfoldingResidualRms = "unfolding.residual_rms";
    public const string PowerLawAlpha = "power_law.alpha";
    public const string PowerLawR2 = "power_law.r2";
    public const string PowerLawSensitivity = "power_law.sensitivity";
    public const string PowerLawTailAlpha = "power_law.tail.implied_alpha";
    public const string Entropy = "entropy.value";
    public const string EntropyNormalized = "entropy.normalized";
    public const string EffectiveRank = "entropy.effective_rank";
    public const string EntropyBulkNormalized = "entropy.bulk_normalized";
    public const string MpAboveEdge = "marchenko_pastur.above_edge";
    public const string MpKs = "marchenko_pastur.ks";
    public const string MpTracyWidomP = "marchenko_pastur.tracy_widom_p";
    public const string RampDeviation = "form_factor.ramp_deviation";
    public const string ThoulessTime = "form_factor.thouless_time";
    public const string DuplicateCount = "duplicates.count";
    public const string DuplicateRate = "duplicates.rate";
    public const string SkippedFileRate = "input.skipped_file_rate";

    private const string TowardGoe = "further from Poisson, toward GOE (more level repulsion)";

    public static IReadOnlyList<MetricDefinition> All { get; } = new MetricDefinition[]
    {
        new(SpectrumNonZero, "non-zero eigenvalues", "levels", "higher rank", "spectrum.non_zero", false),
        new(ZeroModes, "numerically zero eigenvalues", "levels", "more rank deficiency (constant or collinear features, fewer samples than features)", "spectrum.zero_modes", true),
        new(BulkCount, "levels in the bulk the level statistics use", "levels", "more levels, smaller statistical error", "spectrum.bulk.count", false),
        new(SpacingRatioMean, "mean spacing ratio ⟨r̃⟩ (Poisson 0.3863, GOE 0.5307)", "ratio in [0, 1]", TowardGoe, "spacing_ratio.mean", true),
        new(SpacingRatioGoePosition, "⟨r̃⟩ between Poisson (0) and GOE (1)", "fraction of the Poisson–GOE gap", TowardGoe, "spacing_ratio.goe_position", true),
        new(SpacingRatioKsGoe, "KS distance of r̃ to the GOE Atas surmise", "KS distance in [0, 1]", "further from GOE", null, false),
        new(VerdictZGoe, "z-score of ⟨r̃⟩ against the GOE reference (basis as verdict.basis)", "standard deviations", "above the GOE mean", null, false),
        new(VerdictZPoisson, "z-score of ⟨r̃⟩ against the Poisson reference (basis as verdict.basis)", "standard deviations", "above the Poisson mean", null, false),
        new(SpacingKlGoe, "KL(P(s) ‖ Wigner surmise) of the unfolded spacings", "nats", "further from GOE", "spacing_distribution.kl_goe", true),
        new(SpacingKlPoisson, "KL(P(s) ‖ e^-s) of the unfolded spacings", "nats", "further from Poisson", "spacing_distribution.kl_poisson", true),
        new(SpacingJsGoe, "Jensen–Shannon divergence of P(s) to the Wigner surmise", "nats (≤ ln 2)", "further from GOE", "spacing_distribution.js_goe", false),
        new(SpacingKsGoe, "KS distance of P(s) to the Wigner surmise", "KS distance in [0, 1]", "further from GOE", "spacing_distribution.ks_goe", false),
        new(UnfoldingResidualRms, "RMS of the unfolding's staircase fit", "levels", "a rougher fit of the level density", null, false),
        new(PowerLawAlpha, "bulk power-law exponent α, λ_i ∝ i^-(1+α)", "dimensionless", "faster decay of the eigenvalues with rank", "power_law.alpha", true),
        new(PowerLawR2, "R² of the log-log fit", "R² in [0, 1]", "closer to a straight power law", "power_law.r2", true),
        new(PowerLawSensitivity, "largest change of α when the fitted range is halved or doubled", "dimensionless (α)", "α depends more on the range", null, false),
        new(PowerLawTailAlpha, "α implied by the Clauset–Shalizi–Newman tail fit", "dimensionless", "faster decay of the eigenvalues with rank", "power_law.tail.implied_alpha", false),
        new(Entropy, "spectral entropy S = −Σ p_i ln p_i of the normalised non-zero levels", "nats", "variance spread over more directions", "entropy.value", true),
        new(EntropyNormalized, "spectral entropy S / ln n (all non-zero levels)", "fraction in [0, 1]", "variance spread over more directions", "entropy.normalized", true),
        new(EffectiveRank, "effective rank exp(S)", "levels", "variance spread over more directions", "entropy.effective_rank", true),
        new(EntropyBulkNormalized, "spectral entropy S / ln n of the bulk", "fraction in [0, 1]", "variance spread over more bulk directions", null, false),
        new(MpAboveEdge, "eigenvalues above the Marchenko–Pastur edge λ₊ (signal directions)", "levels", "more structure beyond noise", "marchenko_pastur.above_edge", true),
        new(MpKs, "KS distance of the bulk to the Marchenko–Pastur law", "KS distance in [0, 1]", "further from uncorrelated noise", null, false),
        new(MpTracyWidomP, "Tracy–Widom p-value of the largest eigenvalue", "probability", "the largest eigenvalue more like noise", null, false),
        new(RampDeviation, "mean relative deviation of K_c from GOE on 0.1 ≤ τ ≤ 1", "fraction", "further from the GOE ramp", null, false),
        new(ThoulessTime, "Thouless time: where the connected form factor joins the GOE ramp", "Heisenberg times", "GOE-like correlations over fewer levels", "form_factor.thouless_time", true),
        new(DuplicateCount, "rows that repeat an earlier row exactly", "rows", "more duplicated rows", "input.duplicates.count", true),
        new(DuplicateRate, "duplicated rows / rows", "fraction in [0, 1]", "more duplicated rows", "input.duplicates.rate", true),
        new(SkippedFileRate, "share of the files found that were skipped as unreadable (skipped / (files + skipped))", "fraction in [0, 1]", "more unreadable files", null, true),
    };

    /// <summary>
    /// Keys of report schema 1 (and baseline schema 1) that were renamed in schema 2, with their new
    /// names. Rules and baselines that use them are still read, under the new key; docs/report-schema.md
    /// says so. They will be refused in a later schema.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Renamed { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["spacing.kl_goe"] = SpacingKlGoe,
        ["spacing.kl_poisson"] = SpacingKlPoisson,
        ["power_law.r_squared"] = PowerLawR2,
        ["spacing_ratio.position"] = SpacingRatioGoePosition,
        ["bulk.levels"] = BulkCount,
        ["power_law.tail_alpha"] = PowerLawTailAlpha,
    };

    private static readonly Dictionary<string, MetricDefinition> ByKey = All.ToDictionary(d => d.Key, StringComparer.Ordinal);

    /// <summary>The keys a baseline records and a rule may name.</summary>
    public static IReadOnlyList<string> CheckedKeys { get; } = All.Where(d => d.Checked).Select(d => d.Key).ToArray();

    public static MetricDefinition? Find(string key) => ByKey.GetValueOrDefault(Current(key));

    public static MetricDefinition Get(string key) => Find(key) ?? throw new KeyNotFoundException($"'{key}' is not a metric; known metrics: {string.Join(", ", ByKey.Keys)}");

    /// <summary>The key as it is named today: a renamed key gives its new name, any other key itself.</summary>
    public static string Current(string key) => Renamed.TryGetValue(key, out var now) ? now : key;

    /// <summary>
    /// Counts taken on the whole input (exact duplicates, skipped files): a baseline does not resample
    /// them and a check compares them as they are, whatever the batch's size.
    /// </summary>
    public static bool CountsWholeInput(string key) =>
        key.StartsWith("duplicates.", StringComparison.Ordinal) || key == SkippedFileRate;
}
