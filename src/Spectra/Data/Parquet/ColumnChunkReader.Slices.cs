namespace Spectra.Data.Parquet;

/// <summary>
/// Sliced mode: the chunk's rows handed out a bounded number at a time, so that a row group far larger
/// than memory allows is never decoded whole. Pages are read only as the rows asked for need them; a
/// PLAIN page of fixed-width values (the usual float embedding) is consumed in parts of
/// <see cref="PartEntries"/> entries straight from its decompressed bytes, any other page whole. The
/// buffers hold the rows of the current slice plus what the last part or page decoded past it, which
/// moves to the front when the next slice is asked for. A list row that runs across pages or parts is
/// only handed out once its last entry has been read.
/// </summary>
internal sealed partial class ColumnChunkReader
{
    /// <summary>Entries of a pending PLAIN page decoded at a time, by default.</summary>
    internal const int PartEntries = 1 << 16;

    /// <summary>Entries of a pending PLAIN page decoded at a time.</summary>
    internal int PartSize { get; init; } = PartEntries;

    private bool _sliced;
    // Rows handed out and dropped from the buffers; 0 in a whole read.
    private int _rowsBefore;
    // Rows of the last slice, still the consumer's until the next one is asked for.
    private int _handed;

    // A data page whose entries are consumed in parts: its levels sit in _defs / _reps, its values here.
    private ReadOnlyMemory<byte> _pendingValues;
    private ParquetEncoding _pendingEncoding;
    private int _pendingCount, _pendingDone, _pendingPresent;

    /// <summary>Largest size the decoded buffers reached in a sliced read, in bytes (for tests and diagnostics).</summary>
    public long PeakBufferBytes { get; private set; }

    /// <summary>Prepares a sliced read; <see cref="NextSlice"/> then hands out the rows in order.</summary>
    public void BeginSlices()
    {
        try
        {
            if (_binary || _validateOnly) throw new InvalidOperationException("sliced reads are for numeric and text columns");
            if (!Locate(out long start, out long size))
                throw ParquetErrors.Corrupt("an empty row group has no rows to slice");
            if (!_text) _numeric = new NumericDecoder(_column);
            _sliced = true;
            _result = new ParquetColumnData(_column, _rows);
            if (_text) _result.Strings = Array.Empty<string?>();
            else if (_single) _result.Singles = Array.Empty<float>();
            else _result.Values = Array.Empty<double>();
            if (_column.MaxRepetitionLevel == 0)
            {
                if (_column.MaxDefinitionLevel > 0) _result.Nulls = Array.Empty<bool>();
            }
            else
            {
                _result.Offsets = new int[1];
                _result.RowIsNull = Array.Empty<bool>();
            }
            _window = new ChunkWindow(_source, start, size, _path);
            _page = 0;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException and not InvalidOperationException)
        {
            throw Placed(e);
        }
    }

    /// <summary>
    /// The next <paramref name="rows"/> rows of the chunk (row 0 of the result is the first row not yet
    /// handed out). The result's arrays are the reader's: valid until the next call.
    /// </summary>
    public ParquetColumnData NextSlice(int rows)
    {
        if (!_sliced) throw new InvalidOperationException("BeginSlices first");
        if (rows <= 0 || rows > _rows - _rowsBefore - _handed) throw new ArgumentOutOfRangeException(nameof(rows));
        try
        {
            DropHanded();
            while (!Ready(rows))
            {
                if (_pendingDone < _pendingCount) ConsumePart(_column.MaxRepetitionLevel == 0 ? Math.Min(rows - Held, PartSize) : PartSize);
                else if (_entries < _meta.NumValues) ReadPage();
                else break;
            }
            return Cut(rows);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw Placed(e);
        }
    }

    /// <summary>Gives the buffers and the scratch back.</summary>
    public void EndSlices()
    {
        ReturnScratch();
        if (_sliced) ColumnBuffers.Return(_result);
        _sliced = false;
    }

    // Decoded flat rows in the buffers.
    private int Held => (int)(_entries - _rowsBefore);

    private bool ChunkDone => _entries >= _meta.NumValues && _pendingDone >= _pendingCount;

    // A list row is complete once the next row has begun or the chunk has ended.
    private bool Ready(int rows) => _column.MaxRepetitionLevel == 0 ? Held >= rows : _rowsStarted > rows || ChunkDone;

    private void ConsumePage(int n, ParquetEncoding encoding, ReadOnlyMemory<byte> values)
    {
        if (_sliced && encoding == ParquetEncoding.Plain && _numeric is { FixedWidth: > 0 })
        {
            _pendingValues = values;
            _pendingEncoding = encoding;
            _pendingCount = n;
            _pendingDone = _pendingPresent = 0;
            return;
        }
        ConsumeValues(0, n, encoding, values.Span);
    }

    // Fixed-width PLAIN values: the part's present values start right after those already consumed.
    private void ConsumePart(int entries)
    {
        int n = Math.Min(entries, _pendingCount - _pendingDone);
        long at = (long)_pendingPresent * _numeric!.FixedWidth;
        var data = _pendingValues.Span;
        if (at > data.Length) throw ParquetErrors.Corrupt($"the page's values end after {data.Length} bytes");
        _pendingPresent += ConsumeValues(_pendingDone, n, _pendingEncoding, data.Slice((int)at));
        _pendingDone += n;
    }

    private ParquetColumnData Cut(int rows)
    {
        var slice = new ParquetColumnData(_column, rows)
        {
            Strings = _result.Strings,
            Singles = _result.Singles,
        };
        if (!_single && !_text) slice.Values = _result.DoubleStorage ?? Array.Empty<double>();
        int values;
        if (_column.MaxRepetitionLevel == 0)
        {
            if (Held < rows) throw ParquetErrors.Corrupt($"the column chunk holds {_entries} values for {_rows} rows");
            values = rows;
        }
        else
        {
            if (_rowsStarted < rows)
                throw ParquetErrors.Corrupt($"the list column holds {_rowsBefore + _rowsStarted} rows, its row group {_rows}");
            if (_rowsStarted == rows) _result.Offsets![rows] = _valueCount; // the chunk's last row ends with its values
            values = _result.Offsets![rows];
            slice.Offsets = _result.Offsets;
            slice.RowIsNull = _result.RowIsNull;
        }
        slice.ValueCount = values;
        if (_result.Nulls is { } nulls)
        {
            int count = System.MemoryExtensions.Count(nulls.AsSpan(0, values), true);
            if (count > 0)
            {
                slice.Nulls = nulls;
                slice.NullCount = count;
            }
        }
        _handed = rows;
        return slice;
    }

    // The consumer is done with the last slice: what was decoded past it moves to the front.
    private void DropHanded()
    {
        int h = _handed;
        if (h == 0) return;
        _handed = 0;
        if (_column.MaxRepetitionLevel == 0)
        {
            int keep = Held - h;
            MoveFront(h, keep);
            _rowsBefore += h;
            return;
        }
        var offsets = _result.Offsets!;
        int first = offsets[h], keepRows = _rowsStarted - h;
        MoveFront(first, _valueCount - first);
        for (int r = 0; r < keepRows; r++) offsets[r] = offsets[h + r] - first;
        _result.RowIsNull.AsSpan(h, keepRows).CopyTo(_result.RowIsNull);
        _valueCount -= first;
        _rowsStarted = keepRows;
        _rowsBefore += h;
    }

    // Values (and their null flags) [from, from + count) to [0, count); spans copy overlapping ranges safely.
    private void MoveFront(int from, int count)
    {
        if (_result.Singles is { Length: > 0 } f) f.AsSpan(from, count).CopyTo(f);
        if (_result.DoubleStorage is { } v) v.AsSpan(from, count).CopyTo(v);
        if (_result.Strings is { Length: > 0 } s) s.AsSpan(from, count).CopyTo(s);
        if (_result.Nulls is { Length: > 0 } nulls) nulls.AsSpan(from, count).CopyTo(nulls);
    }

    // Before n more entries are consumed: room for up to n more values (and list rows), their null flags cleared.
    // Each buffer is checked on its own: the pool may hand out a longer array for one than for another.
    private void MakeRoom(int n)
    {
        int at = _column.MaxRepetitionLevel == 0 ? Held : _valueCount;
        int need = checked(at + n);
        if (SliceCapacity < need)
        {
            int size = GrownSize(SliceCapacity, need);
            CheckMemory(size * (_text ? 9L : _single ? 5L : 9L), "the decoded slice");
            if (_text) _result.Strings = GrowCopy(_result.Strings!, size, at);
            else if (_single) _result.Singles = GrowKept(_result.Singles!, size, at);
            else _result.Values = GrowKept(_result.DoubleStorage ?? Array.Empty<double>(), size, at);
        }
        if (_result.Nulls is { } held && held.Length < need) _result.Nulls = GrowKept(held, GrownSize(held.Length, need), at);
        _listCapacity = SliceCapacity; // a list's element nulls, allocated at the first null, get this many entries
        if (_result.Nulls is { } nulls) nulls.AsSpan(at, n).Clear();
        if (_column.MaxRepetitionLevel > 0)
        {
            int rowsNeed = checked(_rowsStarted + n + 1);
            if (_result.Offsets!.Length < rowsNeed)
            {
                CheckMemory(rowsNeed * 5L, "the decoded slice's row offsets");
                _result.Offsets = GrowKept(_result.Offsets, GrownSize(_result.Offsets.Length, rowsNeed), _rowsStarted + 1);
            }
            if (_result.RowIsNull!.Length < rowsNeed)
                _result.RowIsNull = GrowKept(_result.RowIsNull, GrownSize(_result.RowIsNull.Length, rowsNeed), _rowsStarted);
        }
        long bytes = (long)SliceCapacity * (_text ? 8 : _single ? 4 : 8) + (_result.Nulls?.Length ?? 0)
            + (_result.Offsets?.Length ?? 0) * 4L + (_result.RowIsNull?.Length ?? 0);
        if (bytes > PeakBufferBytes) PeakBufferBytes = bytes;
    }

    // A quarter more than before, so that growing by parts copies little, or what is needed.
    private static int GrownSize(int current, int need) => (int)Math.Min(int.MaxValue - 64, Math.Max(need, current + current / 4L));

    // Entries the value buffer holds (strings for a text column).
    private int SliceCapacity => _text ? _result.Strings!.Length : Capacity;

    // A larger buffer holding the first `keep` entries of the old one, which goes back to the pool.
    private static T[] GrowKept<T>(T[] old, int size, int keep) where T : unmanaged
    {
        var bigger = ColumnBuffers.Rent<T>(size);
        old.AsSpan(0, keep).CopyTo(bigger);
        ColumnBuffers.Return(old);
        return bigger;
    }

    private static string?[] GrowCopy(string?[] old, int size, int keep)
    {
        var bigger = new string?[size];
        old.AsSpan(0, keep).CopyTo(bigger);
        return bigger;
    }
}
