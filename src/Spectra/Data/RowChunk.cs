namespace Spectra.Data;

/// <summary>
/// A block of consecutive samples: <see cref="Rows"/> × <see cref="Columns"/> values, row-major,
/// in double precision. <see cref="RowIds"/> names each row for messages and attribution (a file
/// name, "file.parquet#row 123"); <see cref="Labels"/> carries an optional class label per row.
/// </summary>
public sealed class RowChunk
{
    private string[]? _rowIds;
    private readonly IRowNamer? _namer;
    private readonly long[]? _rowKeys;

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
        _rowIds = rowIds;
        Labels = labels;
    }

    /// <summary>A chunk whose rows are named on demand by <paramref name="namer"/> from one key per row.</summary>
    public RowChunk(double[] values, int rows, int columns, IRowNamer namer, long[] rowKeys, string?[]? labels = null)
        : this(values, rows, columns, (string[]?)null, labels)
    {
        ArgumentNullException.ThrowIfNull(namer);
        ArgumentNullException.ThrowIfNull(rowKeys);
        if (rowKeys.Length < rows) throw new ArgumentException("fewer row keys than rows");
        _namer = namer;
        _rowKeys = rowKeys;
    }

    /// <summary>Row-major values; only the first Rows × Columns are meaningful (buffers may be reused and longer).</summary>
    public double[] Values { get; }
    public int Rows { get; }
    public int Columns { get; }

    /// <summary>Every row's name (made here, once, for a chunk named by keys); null when the source names none.</summary>
    public string[]? RowIds
    {
        get
        {
            if (_rowIds is null && _namer is not null)
            {
                var ids = new string[Rows];
                for (int i = 0; i < Rows; i++) ids[i] = _namer.Name(_rowKeys![i]);
                _rowIds = ids;
            }
            return _rowIds;
        }
    }

    public string?[]? Labels { get; }

    /// <summary>
    /// Each row's stable identity within the whole input (the same whether the input is read whole or as a
    /// shard), from which seeded subsets are drawn; null when the row's position in the read is its identity.
    /// </summary>
    internal long[]? Identities { get; init; }

    public ReadOnlySpan<double> Row(int i) => Values.AsSpan(i * Columns, Columns);

    public string RowName(int i, long globalIndex) => RowReference(i, globalIndex).ToString();

    /// <summary>Row i's name without making the string (the duplicate finder keeps one per distinct row).</summary>
    public RowReference RowReference(int i, long globalIndex) =>
        _rowIds is not null ? new RowReference(_rowIds[i]) : _namer is not null ? new RowReference(_namer, _rowKeys![i]) : Data.RowReference.Position(globalIndex);

    /// <summary>The same rows' names and labels over other values; with <paramref name="snapshot"/> the name and label arrays are copied (the source may reuse its own).</summary>
    public RowChunk WithValues(double[] values, bool snapshot)
    {
        var labels = snapshot ? Labels?[..Rows] : Labels;
        var identities = snapshot ? Identities?[..Rows] : Identities;
        if (_rowIds is null && _namer is not null)
            return new RowChunk(values, Rows, Columns, _namer, snapshot ? _rowKeys![..Rows] : _rowKeys!, labels) { Identities = identities };
        return new RowChunk(values, Rows, Columns, snapshot ? _rowIds?[..Rows] : _rowIds, labels) { Identities = identities };
    }
}
