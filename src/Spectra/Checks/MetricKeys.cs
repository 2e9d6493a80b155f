namespace Spectra.Checks;

/// <summary>The metric keys a fingerprint holds: the same dotted snake_case names as the JSON report.</summary>
public static class MetricKeys
{
    public const string PowerLawAlpha = "power_law.alpha";
    public const string PowerLawR2 = "power_law.r2";
    public const string SpacingRatioMean = "spacing_ratio.mean";
    public const string SpacingRatioGoePosition = "spacing_ratio.goe_position";
    public const string SpacingKlGoe = "spacing.kl_goe";
    public const string SpacingKlPoisson = "spacing.kl_poisson";
    public const string ThoulessTime = "form_factor.thouless_time";
    public const string Entropy = "entropy.value";
    public const string EntropyNormalized = "entropy.normalized";
    public const string EffectiveRank = "entropy.effective_rank";
    public const string MpAboveEdge = "marchenko_pastur.above_edge";
    public const string ZeroModes = "spectrum.zero_modes";
    public const string DuplicateCount = "duplicates.count";
    public const string DuplicateRate = "duplicates.rate";
    public const string SkippedFileRate = "input.skipped_file_rate";

    /// <summary>
    /// Counts taken on the whole input (exact duplicates): a baseline does not resample them and a
    /// check compares them as they are, whatever the batch's size.
    /// </summary>
    public static bool CountsWholeInput(string key) =>
        key.StartsWith("duplicates.", StringComparison.Ordinal) || key == SkippedFileRate;

    public static IReadOnlyList<string> All { get; } = new[]
    {
        PowerLawAlpha, PowerLawR2, SpacingRatioMean, SpacingRatioGoePosition, SpacingKlGoe, SpacingKlPoisson,
        ThoulessTime, Entropy, EntropyNormalized, EffectiveRank, MpAboveEdge, ZeroModes, DuplicateCount, DuplicateRate, SkippedFileRate,
    };
}
