namespace Spectra.Fluent;

/// <summary>Today's data against a baseline: the rule outcomes, the overall status and the analysis they were computed from.</summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })]
public sealed class DatasetCheck
{
    internal DatasetCheck(string name, CheckResult result, DatasetAnalysis analysis, Baseline baseline)
    {
        Name = name;
        Result = result;
        Analysis = analysis;
        Baseline = baseline;
    }

    public string Name { get; }
    public CheckResult Result { get; }
    public DatasetAnalysis Analysis { get; }
    public Baseline Baseline { get; }
    public CheckStatus Status => Result.Status;

    /// <summary>The exit code <c>spectra check</c> would return: 0 pass, 1 warn (2 with warnAsError), 2 fail, 3 could not compute.</summary>
    public int ExitCode(bool warnAsError = false) => Result.ExitCode(warnAsError);

    /// <summary>The Markdown summary <c>spectra check</c> writes (for a CI job summary).</summary>
    public string ToMarkdown() => MarkdownCheckWriter.Write(Result, Name, "baseline");

    public override string ToString() =>
        $"check of {Name}: {Status.ToString().ToLowerInvariant()} ({Result.Count(CheckStatus.Pass)} pass, {Result.Count(CheckStatus.Warn)} warn, {Result.Count(CheckStatus.Fail)} fail)";
}
