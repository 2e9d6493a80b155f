namespace Spectra.Spectrum;

/// <summary>Where a spectrum came from: which matrix was asked for and which was decomposed, the
/// data's shape, the preprocessing, the backend, the seed and the time each stage took.</summary>
public sealed record SpectrumProvenance
{
    public MatrixKind Requested { get; init; } = MatrixKind.Covariance;
    public MatrixKind Computed { get; init; } = MatrixKind.Covariance;
    /// <summary>Number of samples M that entered the matrix.</summary>
    public long Samples { get; init; }
    /// <summary>Number of features d that entered the matrix (after dropping zero-variance ones when standardising).</summary>
    public int Features { get; init; }
    public bool Centered { get; init; } = true;
    public bool Standardized { get; init; }
    /// <summary>Indices of features dropped because their variance was zero (standardise only).</summary>
    public IReadOnlyList<int> DroppedFeatures { get; init; } = Array.Empty<int>();
    /// <summary>Rows dropped because they held NaN or infinity (with the drop policy).</summary>
    public long DroppedRows { get; init; }
    public BackendInfo Backend { get; init; } = BackendInfo.None;
    public int? Seed { get; init; }
    /// <summary>Milliseconds per stage ("read", "accumulate", "solve"); excluded from reproducibility comparisons.</summary>
    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();

    /// <summary>A covariance with fewer samples than features has at least d − M + 1 zero modes.</summary>
    public bool FewerSamplesThanFeatures => Samples < Features;

    public static SpectrumProvenance Synthetic(int n) => new() { Samples = n, Features = n, Centered = false };
}
