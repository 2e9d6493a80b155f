namespace Spectra.Pipeline;

/// <summary>How a data source becomes a spectrum. Option names match the CLI flags and the JSON report.</summary>
internal sealed record SpectrumOptions
{
    /// <summary>Which matrix's spectrum is reported (the smaller one is decomposed either way).</summary>
    public MatrixRequest Matrix { get; init; } = MatrixRequest.Auto;

    public PreprocessOptions Preprocess { get; init; } = PreprocessOptions.Default;

    /// <summary>Rows per chunk; 0 picks about 32 MiB worth of rows (at least 64, at most 16 384).</summary>
    public int ChunkRows { get; init; }

    /// <summary>Native thread count; 0 leaves the library's default (or SPECTRA_THREADS).</summary>
    public int Threads { get; init; }

    /// <summary>Largest M for which a Gram matrix is built (<see cref="GramMatrix.DefaultMaxSamples"/>).</summary>
    public int MaxGramSamples { get; init; } = GramMatrix.DefaultMaxSamples;

    /// <summary>Largest d for which a covariance is accumulated (d² doubles: 20 000 is 3.2 GB).</summary>
    public int MaxCovarianceFeatures { get; init; } = 20_000;

    /// <summary>
    /// Number of seeded half-subsamples of the rows whose spectra are computed too, as the realisations
    /// the spectral form factor averages over (0 = none): each is a distinct half of the row blocks
    /// (<see cref="RealisationBlocks"/>), so each costs an eigensolve and a merge, not a pass over the rows.
    /// </summary>
    public int Realisations { get; init; } = 8;

    /// <summary>
    /// Memory the covariance accumulators may take together (d² doubles each: one per realisation block,
    /// the merged main one, the realisations solved side by side, one per label). Blocks that
    /// do not fit are fewer, with a note in the result's source notes; a covariance (or a label's) that does not
    /// fit is an error. 0 means what the run's <see cref="MemoryBudget"/> has left; a value is capped by the budget's limit.
    /// </summary>
    public long MaxAccumulatorBytes { get; init; }

    /// <summary>Also compute one spectrum per class label (image subfolder, label column).</summary>
    public bool PerLabel { get; init; }

    /// <summary>Count rows that are exact copies of earlier rows.</summary>
    public bool DetectDuplicates { get; init; } = true;

    /// <summary>Seed of every random choice the pipeline makes (realisation membership).</summary>
    public int Seed { get; init; }

    public static SpectrumOptions Default { get; } = new();

    internal void Validate()
    {
        if (Realisations is < 0 or > OptionLimits.MaxSffRealisations) throw Bad($"realisations must be 0…{OptionLimits.MaxSffRealisations}, got {Realisations}");
        if (ChunkRows < 0) throw Bad($"chunk rows must be ≥ 0, got {ChunkRows}");
        if (Threads is < 0 or > OptionLimits.MaxThreads) throw Bad($"threads must be 0…{OptionLimits.MaxThreads}, got {Threads}");
        if (MaxGramSamples < 2) throw Bad($"the Gram sample limit must be ≥ 2, got {MaxGramSamples}");
        if (MaxAccumulatorBytes < 0) throw Bad($"the accumulator memory limit must be ≥ 0, got {MaxAccumulatorBytes}");
    }

    private static SpectraException Bad(string m) => new(SpectraErrorKind.InvalidOption, m);

    internal static MatrixKind KindOf(MatrixRequest request, long samples, int features) => request switch
    {
        MatrixRequest.Covariance => MatrixKind.Covariance,
        MatrixRequest.Gram => MatrixKind.Gram,
        _ => samples < features ? MatrixKind.Gram : MatrixKind.Covariance,
    };
}
