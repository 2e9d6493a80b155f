namespace Spectra.Pipeline;

/// <summary>A row that repeats an earlier row exactly.</summary>
public sealed record DuplicatePair(string First, string Duplicate);

/// <summary>Exact duplicate rows: how many rows repeat an earlier one, and the first few pairs by name.</summary>
public sealed record DuplicateRows(long Count, long Rows, IReadOnlyList<DuplicatePair> Examples)
{
    /// <summary>Fraction of rows that repeat an earlier row.</summary>
    public double Rate => Rows == 0 ? 0 : (double)Count / Rows;

    public static DuplicateRows None { get; } = new(0, 0, Array.Empty<DuplicatePair>());
}

/// <summary>
/// Finds exact duplicate rows by a 128-bit hash of each row's bits: memory is 16 bytes plus a name
/// reference (not a string) per distinct row, never the rows themselves. Duplicates barely move a
/// covariance spectrum when M ≫ d, so the nightly check needs this count directly.
/// </summary>
internal sealed class DuplicateDetector
{
    private const int MaxExamples = 10;
    private readonly Dictionary<(ulong, ulong), long> _seen = new();
    private readonly List<RowReference> _names = new();
    private readonly List<(ulong, ulong)> _hashes = new();
    private readonly List<long> _positions = new();
    private readonly List<DuplicatePair> _examples = new();
    private readonly List<DuplicateLedger.Entry> _firstDuplicates = new();
    private long _count;
    private long _rows;

    public void Add(ReadOnlySpan<double> row, RowReference name)
    {
        var key = Hash(row);
        _rows++;
        if (_seen.TryGetValue(key, out var first))
        {
            _count++;
            if (_examples.Count < MaxExamples)
            {
                _examples.Add(new DuplicatePair(_names[(int)first].ToString(), name.ToString()));
                _firstDuplicates.Add(new DuplicateLedger.Entry(key.Item1, key.Item2, _rows - 1, name.ToString()));
            }
            return;
        }
        _seen[key] = _names.Count;
        _names.Add(name);
        _hashes.Add(key);
        _positions.Add(_rows - 1);
    }

    public DuplicateRows Result() => new(_count, _rows, _examples.ToArray());

    /// <summary>Every distinct row (hash, position, name) and the first duplicates: enough to continue the search in a later shard.</summary>
    public DuplicateLedger Ledger() => new(_rows, _count,
        Enumerable.Range(0, _names.Count).Select(i => new DuplicateLedger.Entry(_hashes[i].Item1, _hashes[i].Item2, _positions[i], _names[i].ToString())).ToArray(),
        _firstDuplicates.ToArray());

    internal const int ExampleCount = MaxExamples;

    private static (ulong, ulong) Hash(ReadOnlySpan<double> row)
    {
        // Two multiply–xorshift lanes with different constants; −0 and 0 hash apart on purpose (bits, not values).
        ulong a = 0x9E3779B97F4A7C15UL ^ (ulong)row.Length, b = 0xC2B2AE3D27D4EB4FUL;
        foreach (var v in row)
        {
            var x = (ulong)BitConverter.DoubleToInt64Bits(v);
            a = (a ^ x) * 0xFF51AFD7ED558CCDUL; a ^= a >> 33;
            b = (b ^ (x + 0x165667B19E3779F9UL)) * 0xC4CEB9FE1A85EC53UL; b ^= b >> 29;
        }
        return (a, b);
    }
}
