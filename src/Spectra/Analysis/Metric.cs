namespace Spectra.Analysis;

/// <summary>
/// One named number ("spacing_ratio.mean"; the names and their meanings are in <see cref="MetricTable"/>),
/// with its spread when known and, for level statistics, the value the GOE and Poisson references give
/// at the same size. <see cref="ReplicateMean"/> is a baseline's mean over its half-samples: the metric at
/// about half the rows, which tells how it moves with the sample count.
/// </summary>
public sealed record Metric(string Key, double Value, double? Spread = null, double? Goe = null, double? Poisson = null, double? ReplicateMean = null);
