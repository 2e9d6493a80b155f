namespace Spectra.Data;

/// <summary>
/// Where samples come from (an image folder, a Parquet table, a generator). A source knows its
/// feature count before reading and yields its samples as row chunks, in a deterministic order.
/// </summary>
public interface IDataSource
{
    /// <summary>Number of features d per sample, known before the first chunk.</summary>
    int Features { get; }

    /// <summary>Provenance: the path, the kind of input, the files read and skipped, a content hash.</summary>
    SourceInfo Info { get; }

    /// <summary>Names of the features (column names, "pixel (y,x,c)"), or null when they carry no name.</summary>
    IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>
    /// Reads every sample once, in order. May be called again to read the data again. A chunk's
    /// values belong to the consumer until it asks for the next chunk, and the consumer may overwrite
    /// them (the pipeline centres them in place): a source may refill one buffer for every chunk, but
    /// must never hand out storage whose contents it needs again.
    /// </summary>
    IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
