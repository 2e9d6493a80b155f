namespace Spectra.Data.Parquet;

/// <summary>
/// One column of one row group read a bounded number of rows at a time, in order: what is decoded at
/// once is one slice plus at most one page (a PLAIN fixed-width page: one part of it), never the
/// whole column chunk. A slice's arrays are reused: it is valid until the next <see cref="Next"/>.
/// </summary>
internal sealed class ColumnSlices : IDisposable
{
    private readonly ColumnChunkReader _reader;

    internal ColumnSlices(ColumnChunkReader reader)
    {
        _reader = reader;
        reader.BeginSlices();
    }

    /// <summary>The next <paramref name="rows"/> rows (row 0 of the result is the first row not handed out yet).</summary>
    public ParquetColumnData Next(int rows) => _reader.NextSlice(rows);

    /// <summary>The largest the decoded buffers grew, in bytes.</summary>
    public long PeakBufferBytes => _reader.PeakBufferBytes;

    public void Dispose() => _reader.EndSlices();
}
