namespace Spectra.Checks;

/// <summary>
/// A resampling replicate of a source, read from it like any other source so it goes through
/// exactly the same pipeline: row i appears w_i times, with w_i a function of a hash of
/// (seed, replicate, i), so the replicate does not depend on chunking and needs no copy of the data.
/// </summary>
internal abstract class ResampledSource : IDataSource
{
    private readonly IDataSource _inner;

    protected ResampledSource(IDataSource inner, int seed, int replicate)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        Seed = seed;
        Replicate = replicate;
        Header = new SourceHeader(inner.Header.Path, inner.Header.Kind);
    }

    protected int Seed { get; }
    protected int Replicate { get; }

    public int Features => _inner.Features;
    public SourceHeader Header { get; }
    public IReadOnlyList<string>? FeatureNames => _inner.FeatureNames;

    /// <summary>How many times row <paramref name="row"/> (0-based over the whole source) appears in the replicate.</summary>
    protected abstract int Weight(long row);

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        long row = 0;
        var d = _inner.Features;
        // A replicate names the files and content it was drawn from, not what the inner read dropped or noted.
        var inner = new ReadSummary();
        foreach (var chunk in _inner.ReadChunks(maxRowsPerChunk, inner, null, cancellationToken))
        {
            var weights = new int[chunk.Rows];
            var total = 0;
            for (var i = 0; i < chunk.Rows; i++) total += weights[i] = Weight(row + i);
            var values = new double[total * d];
            var labels = chunk.Labels is null ? null : new string?[total];
            var k = 0;
            for (var i = 0; i < chunk.Rows; i++)
                for (var w = 0; w < weights[i]; w++)
                {
                    chunk.Row(i).CopyTo(values.AsSpan(k * d, d));
                    if (labels is not null) labels[k] = chunk.Labels![i];
                    k++;
                }
            row += chunk.Rows;
            yield return new RowChunk(values, total, d, null, labels);
        }
        summary.Files = inner.Files;
        summary.ContentHash = inner.ContentHash;
    }
}

/// <summary>A uniform number in [0, 1) from (seed, replicate, row): membership that does not depend on chunking.</summary>
internal static class RowHash
{
    public static double Unit(int seed, int replicate, long row)
    {
        var z = (ulong)row * 0x9E3779B97F4A7C15UL ^ ((ulong)(uint)seed << 32 | (uint)replicate) * 0xC2B2AE3D27D4EB4FUL ^ 0x5851F42D4C957F2DUL;
        return SplitMix64.Unit(SplitMix64.Mix(z));
    }
}
