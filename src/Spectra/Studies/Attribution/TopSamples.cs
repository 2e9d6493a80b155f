namespace Spectra.Studies.Attribution;

/// <summary>
/// The N samples with the largest |score| seen so far, kept in a min-heap. Among equal |score| the
/// earlier row wins, so the list does not depend on chunking. Each entry carries a hash of the raw
/// row, to tell exact copies apart from rows that merely score alike.
/// </summary>
internal sealed class TopSamples
{
    private readonly int _capacity;
    private readonly PriorityQueue<Entry, (double Magnitude, long NegativeIndex)> _heap = new();

    public TopSamples(int capacity) => _capacity = capacity;

    public double SumOfSquares { get; private set; }

    /// <param name="Row">The raw row, kept for image input so the sample can be drawn; else null.</param>
    public readonly record struct Entry(long Index, string Name, double Score, UInt128 RowHash, double[]? Row = null);

    /// <summary>Whether a score would enter the list (checked before the row is hashed).</summary>
    public bool Admits(double score, long index)
    {
        if (_heap.Count < _capacity) return true;
        _heap.TryPeek(out _, out var min);
        var m = Math.Abs(score);
        return m > min.Magnitude || (m == min.Magnitude && -index > min.NegativeIndex);
    }

    public void Observe(double score) => SumOfSquares += score * score;

    public void Add(Entry entry)
    {
        var key = (Math.Abs(entry.Score), -entry.Index);
        if (_heap.Count < _capacity) _heap.Enqueue(entry, key);
        else _heap.EnqueueDequeue(entry, key);
    }

    /// <summary>Largest |score| first; equal magnitudes by row order.</summary>
    public List<Entry> Sorted()
    {
        var list = _heap.UnorderedItems.Select(e => e.Element).ToList();
        list.Sort((a, b) => Math.Abs(b.Score).CompareTo(Math.Abs(a.Score)) is var c && c != 0 ? c : a.Index.CompareTo(b.Index));
        return list;
    }

    public static UInt128 Hash(ReadOnlySpan<double> row)
    {
        ulong a = 0x9E3779B97F4A7C15UL ^ (ulong)row.Length, b = 0xC2B2AE3D27D4EB4FUL;
        foreach (var v in row)
        {
            var x = (ulong)BitConverter.DoubleToInt64Bits(v);
            a = (a ^ x) * 0xFF51AFD7ED558CCDUL; a ^= a >> 33;
            b = (b ^ (x + 0x165667B19E3779F9UL)) * 0xC4CEB9FE1A85EC53UL; b ^= b >> 29;
        }
        return new UInt128(a, b);
    }
}
