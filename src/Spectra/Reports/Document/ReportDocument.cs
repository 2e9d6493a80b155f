namespace Spectra.Reports.Document;

/// <summary>
/// The flat, renderer-facing view of one analysis: exactly what the JSON report holds (see
/// docs/report-schema.md), in the same order. Console, Markdown, HTML and the check's metrics
/// are all drawn from it, so every output says the same thing.
/// </summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })] // rich display in notebooks (docs/notebooks.md)
public sealed record ReportDocument
{
    public const string CurrentSchema = "spectra.report/2";

    public string Schema { get; init; } = CurrentSchema;
    public string ToolVersion { get; init; } = "";
    public required InputSection Input { get; init; }
    public required MatrixSection Matrix { get; init; }
    public required BackendSection Backend { get; init; }
    public IReadOnlyDictionary<string, string> Options { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public required SpectrumSection Spectrum { get; init; }
    public PowerLawSection? PowerLaw { get; init; }
    public SpacingRatioSection? SpacingRatio { get; init; }
    public SpacingDistributionSection? SpacingDistribution { get; init; }
    public FormFactorSection? FormFactor { get; init; }
    public EntropySection? Entropy { get; init; }
    public MarchenkoPasturSection? MarchenkoPastur { get; init; }
    /// <summary>Each level statistic beside its GOE and Poisson reference at the same size (or the asymptotic value).</summary>
    public IReadOnlyList<ReferenceComparison> References { get; init; } = Array.Empty<ReferenceComparison>();
    public required VerdictSection Verdict { get; init; }
    /// <summary>Milliseconds per stage; the only part of the report that changes between identical runs.</summary>
    public IReadOnlyDictionary<string, double> Timings { get; init; } = new SortedDictionary<string, double>(StringComparer.Ordinal);
}

public sealed record SkippedEntry(string Path, string Reason);

public sealed record DuplicateExample(string First, string Duplicate);

public sealed record InputSection(
    string Path, string Kind, int Files, IReadOnlyList<SkippedEntry> Skipped, string? ContentHash,
    long DuplicateCount, double DuplicateRate, IReadOnlyList<DuplicateExample> DuplicateExamples,
    long DroppedRows, IReadOnlyList<string> Notes)
{
    /// <summary>The algorithm of <see cref="ContentHash"/> ("xxh128"), or null when there is no hash.</summary>
    public string? ContentHashAlgorithm { get; init; }
}

public sealed record MatrixSection(string Requested, string Computed, long Samples, int Features, bool Centered, bool Standardized, int DroppedFeatures,
    long DroppedRows = 0)
{
    /// <summary>M &lt; d: the covariance has at least d − M + 1 zero modes.</summary>
    public bool FewerSamplesThanFeatures => !IsLevels && Samples < Features;

    /// <summary>A list of levels given as a spectrum: no matrix, no samples; <see cref="Features"/> counts the levels.</summary>
    public bool IsLevels => Requested == Pipeline.LevelSpectrum.Kind;

    /// <summary>What was decomposed, in words, for the summaries.</summary>
    public string Describe() => IsLevels
        ? $"{Features} levels given as a spectrum (no data matrix)"
        : $"{Samples} samples × {Features} features; {Requested} matrix (computed: {Computed})";
}

public sealed record BackendSection(string Name, string Library, string? Version, int Threads)
{
    /// <summary>What computed the covariance's rank-k update (<see cref="LinearAlgebra.BackendInfo.RankKUpdate"/>).</summary>
    public string RankKUpdate { get; init; } = "library";
}

/// <summary>All eigenvalues ascending (zero modes included) and the bulk the statistics use.</summary>
public sealed record SpectrumSection(IReadOnlyList<double> Eigenvalues, int ZeroModes, double ZeroThreshold, int NonZero, int KTop, int KBottom, int BulkCount)
{
    /// <summary>
    /// All eigenvalues of each seeded half-subsample realisation, ascending: what gives a statistic its
    /// spread, kept so that 'spectra compare' reads a report exactly as it reads the dataset.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> Realisations { get; init; } = System.Array.Empty<IReadOnlyList<double>>();
}

/// <summary>ln λ_i = intercept + slope · ln i over ranks FitFirst…FitLast (1-based); α = −slope − 1.</summary>
public sealed record PowerLawSection(double Alpha, double R2, double CiLow, double CiHigh, double StandardError, int FitFirst, int FitLast, double Intercept,
    PowerLawTailSection? Tail = null);

/// <summary>The second, independent estimate: the Clauset–Shalizi–Newman fit of the density's tail and the α it implies.</summary>
public sealed record PowerLawTailSection(double ImpliedAlpha, double ImpliedAlphaStandardError, double Exponent, double XMin, int TailCount,
    double KsDistance, double GoodnessOfFitP, bool AgreesWithOls);

public sealed record SpacingRatioSection(double Mean, double Se, double GoePosition, double GoeReference, double PoissonReference, Histogram? Histogram);

public sealed record SpacingDistributionSection(double KlGoe, double KlPoisson, double? JsGoe, double? JsPoisson, double? KsGoe, double? KsPoisson, Histogram? Histogram);

/// <summary>
/// K(τ) full and connected. <see cref="Connected"/> is the running mean of K_c, the statistic the Thouless
/// time is read from; <see cref="ThoulessReason"/> says why there is no Thouless time.
/// </summary>
public sealed record FormFactorSection(double? ThoulessTime, IReadOnlyList<double> Tau, IReadOnlyList<double> K, int Realisations,
    IReadOnlyList<double>? Connected = null, double? ThoulessTimeSpread = null, string? ThoulessReason = null,
    IReadOnlyList<double>? ConnectedError = null, double? ConnectedDefinedFrom = null);

public sealed record EntropySection(double Value, double Normalized, double EffectiveRank);

public sealed record MarchenkoPasturSection(double Q, double Sigma2, double LambdaMinus, double LambdaPlus, int AboveEdge);

/// <summary>"GOE-like", "Poisson-like", "intermediate" or "undetermined", with sentences saying why.</summary>
public sealed record VerdictSection(string Class, string Summary, double? Position = null, double? PGoe = null, double? PPoisson = null, string Basis = "");

/// <summary>One statistic against its references: "finite-size" (simulated at the same n) or "asymptotic".</summary>
public sealed record ReferenceComparison(string Key, double Observed, string Basis, double GoeMean, double GoeSpread, double PoissonMean, double PoissonSpread, string Verdict);
