namespace Spectra.Data;

/// <summary>
/// Where samples come from (an image folder, a Parquet table, a generator). A source knows its
/// feature count and its header before reading and yields its samples as row chunks, in a deterministic order.
/// </summary>
public interface IDataSource
{
    /// <summary>Number of features d per sample, known before the first chunk.</summary>
    int Features { get; }

    /// <summary>The path, the kind of input and what the source's set-up noted or passed over; immutable.</summary>
    SourceHeader Header { get; }

    /// <summary>Names of the features (column names, "pixel (y,x,c)"), or null when they carry no name.</summary>
    IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>
    /// Reads every sample once, in order, and fills <paramref name="summary"/> (the caller's, one per read)
    /// with what this read found. May be called again to read the data again. A chunk's
    /// values belong to the consumer until it asks for the next chunk, and the consumer may overwrite
    /// them (the pipeline centres them in place): a source may refill one buffer for every chunk, but
    /// must never hand out storage whose contents it needs again.
    /// </summary>
    IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default);
}

/// <summary>Reads for callers that need only the rows.</summary>
internal static class DataSourceReads
{
    /// <summary>Reads every sample once; what the read found is not kept.</summary>
    public static IEnumerable<RowChunk> ReadChunks(this IDataSource source, int maxRowsPerChunk, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        source.ReadChunks(maxRowsPerChunk, new ReadSummary(), progress, cancellationToken);

    /// <summary>Reads every sample once and returns what the read found, with the header (for tests and tools that inspect a source).</summary>
    public static SourceInfo ReadToEnd(this IDataSource source, int maxRowsPerChunk = 4096, CancellationToken cancellationToken = default)
    {
        var summary = new ReadSummary();
        foreach (var _ in source.ReadChunks(maxRowsPerChunk, summary, null, cancellationToken)) { }
        return SourceInfo.Of(source.Header, summary);
    }
}
