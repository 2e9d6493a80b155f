using System.Collections;

namespace Spectra.Checks;

/// <summary>
/// Exactly <c>keep</c> of a source's <c>total</c> rows, chosen without replacement by sequential
/// selection sampling (row i is taken with probability (keep − taken) / (total − i)) on a hash of
/// (seed, row), so the subset depends neither on chunking nor on how often it is read.
/// </summary>
internal sealed class SubsetSource : ResampledSource
{
    /// <summary>Separates the subset's hash stream from the baseline replicates' (replicate 0, 1, …).</summary>
    private const int HashStream = -1;

    private readonly BitArray _taken;

    public SubsetSource(IDataSource inner, int seed, long total, long keep) : base(inner, seed, HashStream)
    {
        if (total > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(total), "at most 2^31 − 1 rows");
        if (keep < 0 || keep > total) throw new ArgumentOutOfRangeException(nameof(keep), $"keep must lie in 0 … {total}");
        _taken = new BitArray((int)total);
        long taken = 0;
        for (var i = 0; i < total && taken < keep; i++)
            if (RowHash.Unit(seed, HashStream, i) * (total - i) < keep - taken)
            {
                _taken[i] = true;
                taken++;
            }
    }

    protected override int Weight(long row) => row < _taken.Length && _taken[(int)row] ? 1 : 0;
}
