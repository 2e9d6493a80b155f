using Spectra.Data;

namespace Spectra.Checks;

/// <summary>
/// One Poisson-bootstrap replicate of a source: row i appears w_i ~ Poisson(1) times, w_i drawn from
/// a hash of (seed, replicate, i). This is the streaming form of the ordinary bootstrap (it resamples
/// about M rows with replacement) and needs no second copy of the data: the replicate is read from
/// the source like any other, so it goes through exactly the same pipeline.
/// </summary>
public sealed class PoissonBootstrapSource : IDataSource
{
    private readonly IDataSource _inner;
    private readonly int _seed;
    private readonly int _replicate;

    public PoissonBootstrapSource(IDataSource inner, int seed, int replicate)
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
            var weights = new int[chunk.Rows];
            var total = 0;
            for (var i = 0; i < chunk.Rows; i++) total += weights[i] = Weight(_seed, _replicate, row + i);
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
    }

    /// <summary>A Poisson(1) count from a hash of (seed, replicate, row) by inversion of the CDF.</summary>
    internal static int Weight(int seed, int replicate, long row)
    {
        var u = RowHash.Unit(seed, replicate, row);
        var p = Math.Exp(-1.0);
        var cdf = p;
        var k = 0;
        while (u > cdf && k < 20)
        {
            k++;
            p /= k;
            cdf += p;
        }
        return k;
    }
}
