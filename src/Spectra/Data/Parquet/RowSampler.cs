namespace Spectra.Data.Parquet;

/// <summary>
/// Selection sampling (Knuth's algorithm S): walks the rows once and keeps exactly k of n, each
/// subset equally likely, in file order and with O(1) memory. Same seed, same subset.
/// </summary>
internal sealed class RowSampler
{
    private readonly Random? _random;
    private long _needed, _remaining;

    public RowSampler(long totalRows, long? maxRows, int seed)
    {
        _remaining = totalRows;
        if (maxRows is long k && k < totalRows)
        {
            _needed = k;
            _random = new Random(seed);
        }
    }

    public bool IsSampling => _random is not null;

    /// <summary>Passes over rows another read takes (a shard's sampler draws for every row before its own, as a whole read's does).</summary>
    public void Skip(long rows)
    {
        if (_random is null) _remaining -= rows;
        else for (long r = 0; r < rows; r++) Next();
    }

    public bool Next()
    {
        if (_random is null) return true;
        bool take = _random.NextDouble() * _remaining < _needed;
        _remaining--;
        if (take) _needed--;
        return take;
    }
}
