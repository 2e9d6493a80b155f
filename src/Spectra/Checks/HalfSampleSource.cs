using Spectra.Data;

namespace Spectra.Checks;

/// <summary>
/// One half-sampling replicate of a source: each row is kept with probability ½, by a hash of
/// (seed, replicate, row). For a statistic of M rows, the variance over random halves estimates the
/// variance at M itself (for a mean, (σ²/m)(M − m)/M with m = M/2 is exactly σ²/M), without the
/// repeated rows of the ordinary bootstrap, which distort a spectrum when d/M is not small.
/// </summary>
public sealed class HalfSampleSource : IDataSource
{
    private readonly IDataSource _inner;
    private readonly int _seed;
    private readonly int _replicate;

    public HalfSampleSource(IDataSource inner, int seed, int replicate)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _seed = seed;
        _replicate = replicate;
        Info = new SourceInfo(inner.Info.Path, inner.Info.Kind) { Files = inner.Info.Files, ContentHash = inner.Info.ContentHash };
    }

    public int Features => _inner.Features;
    public SourceInfo Info { get; }
    public IReadOnlyList<string>? FeatureNames => _inner.FeatureNames;

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, IProgress<SpectraProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        long row = 0;
        var d = _inner.Features;
        foreach (var chunk in _inner.ReadChunks(maxRowsPerChunk, null, cancellationToken))
        {
            var keep = new bool[chunk.Rows];
            var total = 0;
            for (var i = 0; i < chunk.Rows; i++)
                if (keep[i] = RowHash.Unit(_seed, _replicate, row + i) < 0.5) total++;
            var values = new double[total * d];
            var labels = chunk.Labels is null ? null : new string?[total];
            var k = 0;
            for (var i = 0; i < chunk.Rows; i++)
            {
                if (!keep[i]) continue;
                chunk.Row(i).CopyTo(values.AsSpan(k * d, d));
                if (labels is not null) labels[k] = chunk.Labels![i];
                k++;
            }
            row += chunk.Rows;
            yield return new RowChunk(values, total, d, null, labels);
        }
    }
}

/// <summary>A uniform number in [0, 1) from (seed, replicate, row): membership that does not depend on chunking.</summary>
internal static class RowHash
{
    public static double Unit(int seed, int replicate, long row)
    {
        var z = (ulong)row * 0x9E3779B97F4A7C15UL ^ ((ulong)(uint)seed << 32 | (uint)replicate) * 0xC2B2AE3D27D4EB4FUL ^ 0x5851F42D4C957F2DUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
