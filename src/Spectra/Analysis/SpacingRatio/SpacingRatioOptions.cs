namespace Spectra.Analysis.SpacingRatio;

/// <summary>Options of the spacing-ratio analyzer (SCIENCE.md §3.4).</summary>
public sealed record SpacingRatioOptions
{
    /// <summary>Histogram bins on [0, 1].</summary>
    public int Bins { get; init; } = 20;

    /// <summary>Orders k ≥ 2 of the optional k-th-order ratios of non-overlapping k-spacings (none by default).</summary>
    public IReadOnlyList<int> HigherOrders { get; init; } = Array.Empty<int>();

    /// <summary>Fewest bulk levels for a result.</summary>
    public int MinimumLevels { get; init; } = 20;

    public static SpacingRatioOptions Default { get; } = new();
}
