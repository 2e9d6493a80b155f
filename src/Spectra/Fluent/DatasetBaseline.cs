namespace Spectra.Fluent;

/// <summary>A baseline made in a notebook: the <see cref="Checks.Baseline"/> (what <c>spectra baseline</c> writes) and the full-data report.</summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })]
public sealed class DatasetBaseline
{
    internal DatasetBaseline(Baseline baseline, ReportDocument report)
    {
        Baseline = baseline;
        Report = report;
    }

    public Baseline Baseline { get; }
    public ReportDocument Report { get; }

    /// <summary>Writes the baseline file <c>spectra check --baseline</c> reads.</summary>
    public void Save(string path) => BaselineFile.Write(Baseline, path);

    /// <summary>Reads a baseline file written by <see cref="Save"/> or <c>spectra baseline</c>.</summary>
    public static Baseline Load(string path) => Jobs.Job.ReadBaseline(path);

    public override string ToString() =>
        $"baseline of {Baseline.InputPath}: {Baseline.Metrics.Count} metrics, {Baseline.Replicates} bootstrap replicates, {Baseline.Samples} samples × {Baseline.Features} features";
}
