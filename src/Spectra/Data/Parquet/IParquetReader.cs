namespace Spectra.Data.Parquet;

/// <summary>
/// The seam between Spectra and a Parquet implementation: the schema, the row groups, and a
/// per-row-group column read. The in-house <see cref="ParquetFile"/> implements it; a library
/// reader can replace it without touching <see cref="ParquetSource"/>.
/// </summary>
internal interface IParquetReader : IDisposable
{
    string Path { get; }

    ParquetSchema Schema { get; }

    long RowCount { get; }

    int RowGroupCount { get; }

    long RowGroupRows(int rowGroup);

    /// <summary>Decodes one column of one row group. Every decode error is a <see cref="SpectraException"/> naming the file, row group, column and page.</summary>
    /// <param name="recycle">A previous result for the same column whose arrays may be reused (it must no longer be in use).</param>
    ParquetColumnData ReadColumn(int rowGroup, ParquetColumn column, ParquetColumnData? recycle = null);

    /// <summary>Whether <see cref="OpenSlices"/> works: a row group too large to decode whole is then read a slice of rows at a time.</summary>
    bool ReadsSlices => false;

    /// <summary>One column of one row group, to be read a slice of rows at a time (memory bounded by pages, not by the row group).</summary>
    ColumnSlices OpenSlices(int rowGroup, ParquetColumn column) => throw new NotSupportedException("this reader reads whole columns only");
}
