namespace Spectra.Checks;

/// <summary>
/// One half-sampling replicate of a source: each row is kept with probability ½, by a hash of
/// (seed, replicate, row). For a statistic of M rows, the variance over random halves estimates the
/// variance at M itself (for a mean, (σ²/m)(M − m)/M with m = M/2 is exactly σ²/M), without the
/// repeated rows of the ordinary bootstrap, which distort a spectrum when d/M is not small.
/// </summary>
internal sealed class HalfSampleSource(IDataSource inner, int seed, int replicate) : ResampledSource(inner, seed, replicate)
{
    protected override int Weight(long row) => RowHash.Unit(Seed, Replicate, row) < 0.5 ? 1 : 0;
}
