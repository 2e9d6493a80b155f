namespace Spectra.Checks;

/// <summary>
/// One named number of a fingerprint ("spacing_ratio.mean"), with its bootstrap spread when known
/// and, for level statistics, the value the GOE and Poisson references give at the same size.
/// <see cref="ReplicateMean"/> is a baseline's mean over its half-samples: the metric at about half
/// the rows, which tells how it moves with the sample count.
/// </summary>
public sealed record Metric(string Key, double Value, double? Spread = null, double? Goe = null, double? Poisson = null, double? ReplicateMean = null);
