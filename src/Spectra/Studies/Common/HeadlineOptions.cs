namespace Spectra.Studies;

/// <summary>
/// How the studies read a spectrum: the bulk trimming and the unfolding of the main analysis, with
/// the costly extras off (no bootstrap, no tail fit), because a study computes dozens of spectra.
/// </summary>
public sealed record HeadlineOptions
{
    public int KTop { get; init; } = BulkSelection.DefaultKTop;
    public int KBottom { get; init; } = BulkSelection.DefaultKBottom;
    public UnfoldingOptions Unfolding { get; init; } = UnfoldingOptions.Default;

    /// <summary>Bins of the P(s) histogram on [0, 4] from which the divergence to the Wigner surmise is taken.</summary>
    public int SpacingBins { get; init; } = 40;

    /// <summary>First rank of the power-law fit; null means k_top + 1 (SCIENCE.md §3.1).</summary>
    public int? PowerLawStartRank { get; init; }

    /// <summary>Last rank of the power-law fit; null means n/2.</summary>
    public int? PowerLawEndRank { get; init; }

    public static HeadlineOptions Default { get; } = new();
}
