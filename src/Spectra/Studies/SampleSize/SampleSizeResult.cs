namespace Spectra.Studies.SampleSize;

/// <summary>A statistic's spread over the subsets of one sample size.</summary>
/// <param name="MeanStandardError">For ⟨r̃⟩: the analyzer's standard error of one subset (root mean square over the subsets); subsets share rows, so it is not divided by √subsets.</param>
public sealed record StatisticSpread(string Statistic, Spread Spread, double? MeanStandardError);

/// <summary>One sample size of the scan.</summary>
/// <param name="Samples">M.</param>
/// <param name="SamplesPerFeature">M / d.</param>
/// <param name="FullData">Whether M is every available row (then there is one subset).</param>
/// <param name="Verdicts">The verdict of 'spectra analyze' on each subset, in the order of <paramref name="Subsets"/>.</param>
public sealed record ScanPoint(int Samples, double SamplesPerFeature, bool FullData, IReadOnlyList<HeadlineStatistics> Subsets,
    IReadOnlyList<StatisticSpread> Statistics, IReadOnlyList<Verdict> Verdicts)
{
    /// <summary>The subsets' verdicts in a few words: the class when they agree, else each class with its count.</summary>
    public string VerdictSummary => Verdicts.Select(v => v.Class).Distinct().Count() == 1
        ? Verdicts[0].Class
        : string.Join(", ", Verdicts.GroupBy(v => v.Class).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"));

    public StatisticSpread Of(string statistic) => Statistics.First(s => s.Statistic == statistic);
}

/// <summary>M_crit of one statistic: the smallest M of the grid from which on every point is within tolerance of the reference.</summary>
/// <param name="Reference">"goe", "plateau" (mean over the draws at the two largest M) or "full_data" (the largest M).</param>
/// <param name="Tolerance">The rule, in words, with its numbers.</param>
/// <param name="Samples">M_crit; null when no point (or not the last one) is within tolerance.</param>
public sealed record CriticalSize(string Statistic, string Reference, double? ReferenceValue, string Tolerance, int? Samples,
    double? SamplesPerFeature);

public sealed record SampleSizeResult(int Features, int AvailableSamples, int Seed, IReadOnlyList<ScanPoint> Points,
    IReadOnlyList<CriticalSize> Critical)
{
    public CriticalSize CriticalOf(string statistic) => Critical.First(c => c.Statistic == statistic);
}
