namespace Spectra.Data.Parquet;

/// <summary>
/// A row group's row count, checked before anything is sized from it: the column chunks must bear it
/// out (a footer that claims more rows than its chunks hold is corrupt, however small the file) and
/// it must fit an array. Every reader of a row group goes through here first.
/// </summary>
internal static class RowGroupRows
{
    public static int Checked(IParquetReader file, int rowGroup, IEnumerable<ParquetColumn?> columns)
    {
        var rows = file.RowGroupRows(rowGroup);
        foreach (var c in columns)
            if (c is not null && c.MaxRepetitionLevel == 0 && file is ParquetFile pf && pf.ChunkValues(rowGroup, c) is { } values && values != rows)
                throw SpectraException.Invalid($"the row group claims {rows} rows, its column '{c.Path}' holds {values} values",
                    file.Path, $"row group {rowGroup}", Format.ParquetErrors.CorruptHint);
        if (rows is < 0 or > int.MaxValue)
            throw SpectraException.Invalid($"the row group claims {rows} rows, more than one row group can hold",
                file.Path, $"row group {rowGroup}", Format.ParquetErrors.CorruptHint);
        return (int)rows;
    }
}
