namespace Spectra.Data.Parquet;

/// <summary>How the format reader treats a file.</summary>
internal sealed record ParquetReadOptions
{
    /// <summary>
    /// Upper bound on any single buffer the reader allocates for one column chunk of one row group
    /// (compressed bytes, one decompressed page, the decoded values). Sizes read from the file are
    /// checked against it before allocating, so a corrupt length cannot exhaust memory.
    /// </summary>
    public long MemoryLimitBytes { get; init; } = 2L << 30;

    /// <summary>Verify page CRC-32s when the writer stored them (default on).</summary>
    public bool VerifyChecksums { get; init; } = true;

    public static ParquetReadOptions Default { get; } = new();
}
