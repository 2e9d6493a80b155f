namespace Spectra.Reports.Model;

/// <summary>A flat headline number: what the baseline checks compare.</summary>
/// <param name="Key">Stable dotted key, e.g. "spacing_ratio.mean".</param>
/// <param name="Spread">Standard error or spread of the value when known.</param>
public sealed record Metric(string Key, double Value, double? Spread, string Description);
