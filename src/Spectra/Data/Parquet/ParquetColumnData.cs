namespace Spectra.Data.Parquet;

/// <summary>
/// The decoded values of one column in one row group. Flat columns: one value per row, NaN where
/// null (see <see cref="Nulls"/>). List columns: the elements of all rows back to back, row r
/// spanning <c>Offsets[r] … Offsets[r+1]</c>, with <see cref="RowIsNull"/> for null lists.
/// Text columns fill <see cref="Strings"/> instead of <see cref="Values"/>. Arrays may be longer than
/// needed when a previous read's buffers are reused: only the first Rows / ValueCount entries count.
/// </summary>
public sealed class ParquetColumnData
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

    public double[] Values { get; internal set; } = Array.Empty<double>();

    /// <summary>True where a value (a flat cell or a list element) is null; null when the column has no nulls.</summary>
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

    public bool IsList => Offsets is not null;
}
