namespace Spectra.Studies.Comparison;

/// <summary>Distances between the same distribution (unfolded spacings or spacing ratios) of the two sides.</summary>
/// <param name="Distribution">"spacing" (unfolded nearest-neighbour spacings) or "ratio" (r̃).</param>
/// <param name="KsStatistic">Two-sample Kolmogorov–Smirnov sup |F_A − F_B|.</param>
/// <param name="KsPValue">Its asymptotic p-value (nominal: neighbouring levels are weakly correlated).</param>
/// <param name="Hellinger">Hellinger distance of the two histograms, in [0, 1].</param>
public sealed record DistributionDistance(string Distribution, int CountA, int CountB, double KsStatistic, double KsPValue, double Hellinger, bool Differs)
{
    /// <summary>The cell edges the Hellinger distance bins both sides on (values outside them are in its tail cells, not drawn).</summary>
    public IReadOnlyList<double> Edges { get; init; } = [];

    /// <summary>Side A's histogram on <see cref="Edges"/>, as a density (count / (n · width)).</summary>
    public IReadOnlyList<double> DensityA { get; init; } = [];

    /// <summary>Side B's histogram on <see cref="Edges"/>, as a density.</summary>
    public IReadOnlyList<double> DensityB { get; init; } = [];
}

/// <summary>One headline statistic on both sides.</summary>
/// <param name="Spread">√(s_A² + s_B²), s the standard deviation over each side's realisations (or the analyzer's standard error when there are none).</param>
/// <param name="Sigmas">(B − A) / spread.</param>
public sealed record StatisticDifference(string Statistic, double? A, double? B, double? Difference, double? Spread, double? Sigmas, bool Differs);

/// <summary>What one side of the comparison is.</summary>
/// <param name="Kind">"dataset" or "report".</param>
/// <param name="Verdict">The verdict 'spectra analyze' gives on this side's spectrum (with the comparison's options and seed).</param>
public sealed record CompareSide(string Name, string Kind, long Samples, int Features, int NonZeroLevels, int Realisations, Verdict Verdict);

/// <param name="Different">Whether any statistic or distribution differs by the stated rules.</param>
/// <param name="Warnings">What limits the comparison: sample or feature counts that differ, a side without realisations.</param>
public sealed record CompareResult(CompareSide A, CompareSide B, IReadOnlyList<DistributionDistance> Distributions,
    IReadOnlyList<StatisticDifference> Statistics, bool Different, string Rule, string Summary, IReadOnlyList<string> Warnings);
