namespace Spectra;

/// <summary>A progress report: a stage ("decode", "accumulate", "solve"), work done and total (total 0 when unknown).</summary>
public readonly record struct SpectraProgress(string Stage, long Done, long Total, string? Item = null);
