namespace Spectra.Data.Parquet;

/// <summary>
/// The decoded values of one column in one row group. Flat columns: one value per row, NaN where
/// null (see <see cref="Nulls"/>). List columns: the elements of all rows back to back, row r
/// spanning <c>Offsets[r] … Offsets[r+1]</c>, with <see cref="RowIsNull"/> for null lists.
/// Text columns fill <see cref="Strings"/> instead of <see cref="Values"/>. Arrays may be longer than
/// needed when a previous read's buffers are reused: only the first Rows / ValueCount entries count.
/// </summary>
internal sealed class ParquetColumnData
{
    internal ParquetColumnData(ParquetColumn column, int rows)
    {
        Column = column;
        Rows = rows;
    }

    public ParquetColumn Column { get; }

    public int Rows { get; }

    /// <summary>Number of meaningful entries in <see cref="Values"/> (Rows for flat columns, the element count for lists).</summary>
    public int ValueCount { get; internal set; }

    /// <summary>The values as doubles (FLOAT columns are held as floats and widened here on first use).</summary>
    public double[] Values
    {
        get
        {
            if (Singles is { } singles && _values.Length < ValueCount)
            {
                var wide = new double[ValueCount];
                Widening.FloatsToDoubles(singles.AsSpan(0, ValueCount), wide);
                _values = wide;
            }
            return _values;
        }
        internal set => _values = value;
    }

    private double[] _values = Array.Empty<double>();

    /// <summary>
    /// FLOAT columns keep their values as floats (half the memory, no widening pass); readers inside
    /// the library widen while they copy (<see cref="ValueAt"/>, <see cref="CopyTo"/>).
    /// </summary>
    internal float[]? Singles { get; set; }

    // The double storage as it is, without widening floats (for buffer reuse).
    internal double[]? DoubleStorage => _values.Length > 0 ? _values : null;

    internal double ValueAt(int i) => Singles is { } singles ? singles[i] : _values[i];

    /// <summary>Entries [start, start + destination.Length) as doubles.</summary>
    internal void CopyTo(int start, Span<double> destination)
    {
        if (Singles is { } singles) Widening.FloatsToDoubles(singles.AsSpan(start, destination.Length), destination);
        else _values.AsSpan(start, destination.Length).CopyTo(destination);
    }

    /// <summary>True where a value (a flat cell or a list element) is null; null when the column chunk has no null value.</summary>
    public bool[]? Nulls
    {
        get => _nulls;
        internal set
        {
            _nulls = value;
            if (value is not null) NullBuffer = value;
        }
    }

    private bool[]? _nulls;

    // Kept for reuse even when Nulls is dropped because the chunk had none.
    internal bool[]? NullBuffer { get; private set; }

    public int NullCount { get; internal set; }

    public int[]? Offsets { get; internal set; }

    public bool[]? RowIsNull { get; internal set; }

    public string?[]? Strings { get; internal set; }

    /// <summary>The bytes of each row's value (null where null), for a binary column read with <see cref="ParquetFile.ReadBinaryColumn"/>.</summary>
    public byte[]?[]? Binaries { get; internal set; }

    public bool IsList => Offsets is not null;
}
