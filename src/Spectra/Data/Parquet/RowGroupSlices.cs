namespace Spectra.Data.Parquet;

/// <summary>
/// The selected columns of one row group advanced together a slice of rows at a time, so that every
/// column's slice covers the same rows (a list column's rows end where its pages say, the slice waits
/// for them). Columns decode in parallel (<see cref="ColumnParallel"/>: the first error in column order is the one reported).
/// </summary>
internal sealed class RowGroupSlices : IDisposable
{
    private readonly ColumnSlices?[] _columns;
    private readonly ParquetColumnData?[] _slices;
    private readonly int _scalars;
    private readonly bool _list, _label;
    private readonly int _parallelism;

    /// <param name="scalars">The scalar columns (null where the feature is a partition value).</param>
    public RowGroupSlices(IParquetReader file, int rowGroup, ParquetColumn?[] scalars, ParquetColumn? list, ParquetColumn? label, int parallelism)
    {
        var all = scalars.Append(list).Append(label).ToArray();
        _columns = new ColumnSlices?[all.Length];
        _slices = new ParquetColumnData?[all.Length];
        _scalars = scalars.Length;
        _list = list is not null;
        _label = label is not null;
        _parallelism = Math.Max(1, Math.Min(parallelism, all.Count(c => c is not null)));
        try
        {
            for (int k = 0; k < all.Length; k++)
                if (all[k] is { } c) _columns[k] = file.OpenSlices(rowGroup, c);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The next <paramref name="rows"/> rows of every column; valid until the next call.</summary>
    public (ParquetColumnData?[] Scalars, ParquetColumnData? List, ParquetColumnData? Label) Next(int rows)
    {
        ColumnParallel.For(_columns.Length, _parallelism, k => _slices[k] = _columns[k]?.Next(rows));
        var scalars = _slices.AsSpan(0, _scalars).ToArray();
        return (scalars, _list ? _slices[_scalars] : null, _label ? _slices[_scalars + 1] : null);
    }

    /// <summary>The largest the decoded buffers of all columns grew together, in bytes.</summary>
    public long PeakBufferBytes => _columns.Sum(c => c?.PeakBufferBytes ?? 0);

    public void Dispose()
    {
        foreach (var c in _columns) c?.Dispose();
    }
}
