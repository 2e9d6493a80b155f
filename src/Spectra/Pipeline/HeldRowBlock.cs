namespace Spectra.Pipeline;

/// <summary>
/// Kept rows held for the Gram matrix in one block, written there as they arrive. With the row count known in
/// advance the block is allocated once, so the rows are never joined from chunks afterwards (two 10⁸-pixel
/// images: 1.6 GB held, not 1.6 GB of chunks plus the 1.6 GB they are joined into). Without it the block grows
/// by doubling, up to the hold limit. Its memory is reserved against the run's budget before it is allocated.
/// </summary>
internal sealed class HeldRowBlock : IDisposable
{
    private readonly int _d;
    private readonly long _maxRows;
    private readonly string _path;
    private readonly List<int> _chunkRows = new();
    private double[] _values = [];
    private MemoryBudget.Reservation? _reservation;

    /// <param name="maxRows">The hold limit: the block never grows past it.</param>
    public HeldRowBlock(int d, long maxRows, string path) => (_d, _maxRows, _path) = (d, maxRows, path);

    public long Rows { get; private set; }

    /// <summary>The rows of each chunk as it came, in order: folding them chunk by chunk gives the sums a stream would.</summary>
    public IReadOnlyList<int> ChunkRows => _chunkRows;

    /// <summary>Allocates the block for <paramref name="rows"/> rows at once (the count a source's header gives).</summary>
    public void Plan(long rows)
    {
        if (rows > Rows && rows <= _maxRows) Resize(rows);
    }

    public void Append(ReadOnlySpan<double> block, int rows)
    {
        long needed = Rows + rows;
        if (needed * _d > _values.LongLength) Resize(Math.Min(_maxRows, Math.Max(needed, 2 * Rows)));
        block[..(rows * _d)].CopyTo(_values.AsSpan((int)(Rows * _d)));
        _chunkRows.Add(rows);
        Rows = needed;
    }

    /// <summary>The rows of chunk <paramref name="chunk"/>, starting at row <paramref name="firstRow"/>.</summary>
    public Span<double> Chunk(long firstRow, int chunk) => _values.AsSpan((int)(firstRow * _d), _chunkRows[chunk] * _d);

    /// <summary>
    /// Hands over the block, exactly <see cref="Rows"/> rows long (trimmed when fewer rows came than planned),
    /// with the reservation that covers it; the caller disposes the reservation when the rows are no longer needed.
    /// </summary>
    public (double[] Values, MemoryBudget.Reservation? Reservation) Take()
    {
        if (_values.LongLength != Rows * _d) Resize(Rows);
        var taken = (_values, _reservation);
        _values = [];
        _reservation = null;
        Rows = 0;
        _chunkRows.Clear();
        return taken;
    }

    // The new block is reserved beside the old one: both live while the rows are copied.
    private void Resize(long rows)
    {
        long length = rows * _d;
        if (length > Array.MaxLength)
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                $"{rows} samples of {_d} features do not fit in one block of memory ({length} values, at most {Array.MaxLength})", _path,
                hint: "read fewer samples (--max-samples) or make the images smaller (--resize)");
        var reservation = MemoryBudget.Current.Reserve(8L * length, $"the samples held for the Gram matrix ({rows} samples × {_d} features)", _path);
        var values = new double[length];
        _values.AsSpan(0, (int)Math.Min(_values.LongLength, length)).CopyTo(values);
        _reservation?.Dispose();
        (_values, _reservation) = (values, reservation);
    }

    public void Dispose()
    {
        _reservation?.Dispose();
        _reservation = null;
        _values = [];
    }
}
