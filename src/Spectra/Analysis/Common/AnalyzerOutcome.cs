namespace Spectra.Analysis;

/// <summary>Whether an analyzer could produce its statistic.</summary>
public enum AnalysisStatus
{
    Ok,
    /// <summary>Too few levels (after zero modes and bulk trimming) for the statistic; <see cref="AnalyzerOutcome{T}.Message"/> says how many were needed.</summary>
    NotEnoughLevels,
    /// <summary>The statistic does not apply to this input (e.g. Marchenko–Pastur without a sample count).</summary>
    NotApplicable,
    /// <summary>Switched off in the options.</summary>
    Skipped,
}

/// <summary>An analyzer's result with its status: <see cref="Value"/> is null unless <see cref="Status"/> is Ok.</summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })] // rich display in notebooks (docs/notebooks.md)
public sealed record AnalyzerOutcome<T>(AnalysisStatus Status, string? Message, T? Value) where T : class
{
    public bool IsOk => Status == AnalysisStatus.Ok && Value is not null;

    public static AnalyzerOutcome<T> Ok(T value) => new(AnalysisStatus.Ok, null, value);

    public static AnalyzerOutcome<T> NotEnough(string statistic, int have, int need) =>
        new(AnalysisStatus.NotEnoughLevels, $"{statistic} needs at least {need} levels, the spectrum has {have}", null);

    public static AnalyzerOutcome<T> NotApplicable(string message) => new(AnalysisStatus.NotApplicable, message, null);

    public static AnalyzerOutcome<T> Skipped(string statistic) => new(AnalysisStatus.Skipped, $"{statistic} is switched off", null);
}
