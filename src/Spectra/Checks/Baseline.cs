namespace Spectra.Checks;

/// <summary>
/// A dataset's spectral fingerprint with the bootstrap spread of each metric: what <c>spectra check</c>
/// compares today's data with. <see cref="Options"/> holds the analysis options (by their CLI / JSON
/// names) the fingerprint was made with, so that a check repeats them.
/// </summary>
public sealed record Baseline
{
    public const string CurrentSchema = "spectra.baseline/2";

    /// <summary>Still read: the same file with the metric keys of report schema 1 (see <see cref="MetricTable.Renamed"/>).</summary>
    public const string PreviousSchema = "spectra.baseline/1";

    public string Schema { get; init; } = CurrentSchema;
    public string ToolVersion { get; init; } = "";
    public string InputPath { get; init; } = "";
    public string InputKind { get; init; } = "";
    public string? ContentHash { get; init; }
    public string MatrixRequested { get; init; } = "covariance";
    public string MatrixComputed { get; init; } = "covariance";
    public long Samples { get; init; }
    public int Features { get; init; }
    public IReadOnlyDictionary<string, string> Options { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public int Replicates { get; init; }
    public int Seed { get; init; }
    public string BootstrapMethod { get; init; } = "";

    /// <summary>
    /// Half-sample baselines: the harmonic mean of the replicates' row counts (about M/2), the size at
    /// which each metric's <see cref="Metric.ReplicateMean"/> holds. Null when the replicates are not
    /// smaller samples (Poisson bootstrap) or for baselines made before it was recorded.
    /// </summary>
    public double? ReplicateSamples { get; init; }
    public IReadOnlyList<Metric> Metrics { get; init; } = Array.Empty<Metric>();

    public Metric? Find(string key) => Metrics.FirstOrDefault(m => m.Key == key);
}
