namespace Spectra.Checks;

/// <summary>
/// Keeps the chunks of a source's first complete read in memory (up to a byte limit) and replays
/// them on later reads, so a baseline's bootstrap replicates do not decode the files again.
/// A replayed read reports what the first read found. Above the limit it simply reads the source again each time.
/// </summary>
internal sealed class CachedSource : IDataSource
{
    private readonly IDataSource _inner;
    private readonly long _maxBytes;
    private List<RowChunk>? _cache;
    private ReadSummary? _cachedSummary;

    public CachedSource(IDataSource inner, long maxBytes = 1L << 30)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _maxBytes = maxBytes;
    }

    public int Features => _inner.Features;
    public SourceHeader Header => _inner.Header;
    public IReadOnlyList<string>? FeatureNames => _inner.FeatureNames;

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (_cache is not null)
        {
            _cachedSummary!.CopyTo(summary);
            // Consumers may overwrite a chunk's values (IDataSource contract), so the cache hands out copies.
            var buffer = new double[_cache.Count == 0 ? 0 : _cache.Max(c => c.Rows * c.Columns)];
            foreach (var c in _cache)
            {
                cancellationToken.ThrowIfCancellationRequested();
                c.Values.AsSpan(0, c.Rows * c.Columns).CopyTo(buffer);
                yield return c.WithValues(buffer, snapshot: false);
            }
            yield break;
        }
        var building = new List<RowChunk>();
        var read = new ReadSummary();
        long bytes = 0;
        var complete = true;
        foreach (var chunk in _inner.ReadChunks(maxRowsPerChunk, read, progress, cancellationToken))
        {
            if (complete)
            {
                bytes += 8L * chunk.Rows * chunk.Columns;
                if (bytes > _maxBytes) { complete = false; building.Clear(); }
                else
                {
                    // Sources may reuse their buffers, so the cache holds copies.
                    building.Add(chunk.WithValues(chunk.Values.AsSpan(0, chunk.Rows * chunk.Columns).ToArray(), snapshot: true));
                }
            }
            yield return chunk;
        }
        read.CopyTo(summary);
        if (complete) (_cache, _cachedSummary) = (building, read);
    }
}
