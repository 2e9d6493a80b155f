namespace Spectra.Analysis;

/// <summary>
/// Everything <see cref="SpectralAnalysis.Run"/> needs, with the defaults of SCIENCE.md. <see cref="Unfolding"/>
/// is the one unfolding used by P(s), the form factor and the finite-size references (it replaces
/// the Unfolding of their own options, so all three always agree).
/// </summary>
public sealed record AnalysisOptions
{
    /// <summary>Largest non-zero levels dropped from the bulk (clamped to a tenth of the levels).</summary>
    public int KTop { get; init; } = BulkSelection.DefaultKTop;

    /// <summary>Smallest non-zero levels dropped from the bulk (clamped to a tenth of the levels).</summary>
    public int KBottom { get; init; } = BulkSelection.DefaultKBottom;

    /// <summary>Seed of every random choice (bootstraps, reference draws).</summary>
    public int Seed { get; init; }

    public UnfoldingOptions Unfolding { get; init; } = UnfoldingOptions.Default;
    public PowerLawOptions PowerLaw { get; init; } = PowerLawOptions.Default;
    public SpacingDistributionOptions SpacingDistribution { get; init; } = SpacingDistributionOptions.Default;
    public SpacingRatioOptions SpacingRatio { get; init; } = SpacingRatioOptions.Default;
    public FormFactorOptions FormFactor { get; init; } = FormFactorOptions.Default;
    public EntropyOptions Entropy { get; init; } = EntropyOptions.Default;
    public MarchenkoPasturOptions MarchenkoPastur { get; init; } = MarchenkoPasturOptions.Default;
    public FiniteSizeOptions FiniteSize { get; init; } = FiniteSizeOptions.Default;
    public VerdictOptions Verdict { get; init; } = VerdictOptions.Default;

    /// <summary>Analyzers to leave out, by report key: "power_law", "spacing_distribution", "spacing_ratio", "form_factor", "entropy", "marchenko_pastur".</summary>
    public IReadOnlyList<string> Skip { get; init; } = Array.Empty<string>();

    public static AnalysisOptions Default { get; } = new();

    internal bool Runs(string key) => !Skip.Contains(key, StringComparer.OrdinalIgnoreCase);

    internal SpacingDistributionOptions EffectiveSpacingDistribution => SpacingDistribution with { Unfolding = Unfolding };
    internal FormFactorOptions EffectiveFormFactor => FormFactor with { Unfolding = Unfolding };
}

/// <summary>Thresholds of the verdict rule (docs/analysis.md).</summary>
public sealed record VerdictOptions
{
    /// <summary>|z| at or below which ⟨r̃⟩ is consistent with a reference.</summary>
    public double ConsistentZ { get; init; } = 3.0;

    /// <summary>z of KL(P(s) ‖ reference) above which P(s) contradicts a ⟨r̃⟩ verdict and downgrades it to intermediate.</summary>
    public double SpacingDepartureZ { get; init; } = 5.0;

    public static VerdictOptions Default { get; } = new();
}
