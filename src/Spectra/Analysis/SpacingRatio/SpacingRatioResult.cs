namespace Spectra.Analysis.SpacingRatio;

/// <summary>The ratio sample against one reference class.</summary>
/// <param name="Reference">"poisson", "goe" (Atas β = 1) or "gue" (Atas β = 2).</param>
/// <param name="AsymptoticMean">Large-N ⟨r̃⟩ of the reference.</param>
public sealed record RatioComparison(string Reference, double AsymptoticMean, double KsStatistic, double KsPValue);

/// <summary>⟨r̃⟩ of non-overlapping k-spacings.</summary>
public sealed record HigherOrderRatio(int Order, int Count, double Mean, double StandardError);

/// <summary>The spacing-ratio statistic r̃ on the sorted bulk.</summary>
/// <param name="Levels">Bulk levels used.</param>
/// <param name="Count">Ratios that entered the statistics.</param>
/// <param name="ZeroSpacings">Spacings exactly 0 (ties).</param>
/// <param name="ExcludedRatios">Ratios dropped because one of their two spacings is 0.</param>
/// <param name="Mean">⟨r̃⟩.</param>
/// <param name="StandardError">Standard deviation / √Count (neighbouring ratios share a spacing, so it is slightly optimistic).</param>
/// <param name="Position">(⟨r̃⟩ − Poisson) / (GOE − Poisson): 0 Poisson, 1 GOE.</param>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })] // rich display in notebooks (docs/notebooks.md)
public sealed record SpacingRatioResult(int Levels, int Count, int ZeroSpacings, int ExcludedRatios, double Mean,
    double StandardError, double StandardDeviation, double Position, Histogram Histogram,
    IReadOnlyList<RatioComparison> Comparisons, IReadOnlyList<HigherOrderRatio> HigherOrders)
{
    public RatioComparison Against(string reference) => Comparisons.First(c => c.Reference == reference);
}
