namespace Spectra.Studies;

/// <summary>
/// Selected rows of a <see cref="DataMatrix"/> as a source, gathered chunk by chunk into one reused
/// buffer: a scan reads dozens of subsets, and copying each subset whole before the pipeline copies
/// it again cost more than the eigensolve.
/// </summary>
internal sealed class RowSubsetSource(DataMatrix data, IReadOnlyList<int> rows, string name) : IDataSource
{
    public int Features => data.Features;
    public SourceHeader Header { get; } = new(name, "memory");
    public IReadOnlyList<string>? FeatureNames => data.FeatureNames;

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        maxRowsPerChunk = Math.Max(1, maxRowsPerChunk);
        var d = data.Features;
        var buffer = new double[(long)Math.Min(maxRowsPerChunk, Math.Max(1, rows.Count)) * d];
        for (var start = 0; start < rows.Count; start += maxRowsPerChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(maxRowsPerChunk, rows.Count - start);
            var ids = new string[n];
            var labels = new string?[n];
            for (var i = 0; i < n; i++)
            {
                var r = rows[start + i];
                Array.Copy(data.Values, (long)r * d, buffer, (long)i * d, d);
                ids[i] = data.RowIds[r];
                labels[i] = data.Labels[r];
            }
            yield return new RowChunk(buffer, n, d, ids, labels);
        }
    }
}
