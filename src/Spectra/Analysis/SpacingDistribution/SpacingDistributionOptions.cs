namespace Spectra.Analysis.SpacingDistribution;

/// <summary>Options of the nearest-neighbour spacing analyzer P(s) (SCIENCE.md §3.3).</summary>
public sealed record SpacingDistributionOptions
{
    /// <summary>Histogram bins on [0, <see cref="MaxSpacing"/>].</summary>
    public int Bins { get; init; } = 40;

    public double MaxSpacing { get; init; } = 4.0;

    /// <summary>Compare with the GUE surmise too (the GOE and Poisson comparisons are always made).</summary>
    public bool IncludeGue { get; init; } = true;

    public UnfoldingOptions Unfolding { get; init; } = UnfoldingOptions.Default;

    /// <summary>Fewest bulk levels for a result.</summary>
    public int MinimumLevels { get; init; } = 30;

    public static SpacingDistributionOptions Default { get; } = new();
}
