namespace Spectra.Data;

/// <summary>
/// A block of consecutive samples: <see cref="Rows"/> × <see cref="Columns"/> values, row-major,
/// in double precision. <see cref="RowIds"/> names each row for messages and attribution (a file
/// name, "file.parquet#row 123"); <see cref="Labels"/> carries an optional class label per row.
/// </summary>
public sealed class RowChunk
{
    public RowChunk(double[] values, int rows, int columns, string[]? rowIds = null, string?[]? labels = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (rows < 0 || columns < 0 || (long)rows * columns > values.Length)
            throw new ArgumentException($"a chunk of {rows} x {columns} needs {(long)rows * columns} values, got {values.Length}");
        if (rowIds is not null && rowIds.Length < rows) throw new ArgumentException("fewer row ids than rows");
        if (labels is not null && labels.Length < rows) throw new ArgumentException("fewer labels than rows");
        Values = values;
        Rows = rows;
        Columns = columns;
        RowIds = rowIds;
        Labels = labels;
    }

    /// <summary>Row-major values; only the first Rows × Columns are meaningful (buffers may be reused and longer).</summary>
    public double[] Values { get; }
    public int Rows { get; }
    public int Columns { get; }
    public string[]? RowIds { get; }
    public string?[]? Labels { get; }

    public ReadOnlySpan<double> Row(int i) => Values.AsSpan(i * Columns, Columns);

    public string RowName(int i, long globalIndex) => RowIds?[i] ?? $"row {globalIndex}";
}
