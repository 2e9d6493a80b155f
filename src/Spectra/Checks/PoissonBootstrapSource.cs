namespace Spectra.Checks;

/// <summary>
/// One Poisson-bootstrap replicate of a source: row i appears w_i ~ Poisson(1) times. This is the
/// streaming form of the ordinary bootstrap (it resamples about M rows with replacement).
/// </summary>
internal sealed class PoissonBootstrapSource(IDataSource inner, int seed, int replicate) : ResampledSource(inner, seed, replicate)
{
    protected override int Weight(long row) => Weight(Seed, Replicate, row);

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
