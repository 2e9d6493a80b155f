using Spectra.Data.Parquet.Codecs;

namespace Spectra.Data.Parquet;

/// <summary>
/// Reads one column chunk: its pages in order (dictionary, data V1/V2), levels, values, and the
/// assembly of nulls and lists. Every size from the file is checked before it is used.
/// </summary>
internal sealed partial class ColumnChunkReader
{
    private readonly ByteSource _source;
    private readonly long _fileLength;
    private readonly string _path;
    private readonly ParquetReadOptions _options;
    private readonly int _rowGroup;
    private readonly ParquetColumn _column;
    private readonly int _rows;
    private readonly ColumnChunkMeta _chunk;
    private NumericDecoder? _numeric;
    private readonly bool _text;
    // FLOAT columns are stored as floats: half the memory and a plain copy for PLAIN pages.
    private readonly bool _single;
    private readonly bool _validateOnly;
    private int _page = -1;
    private int _rawDictionaryCount = -1;
    private readonly ParquetColumnData? _recycle;
    private byte[] _pageBuffer = Array.Empty<byte>();

    private double[]? _dictionary;
    private string?[]? _textDictionary;

    private ParquetColumnData _result = null!;
    private ColumnMetaData _meta = null!;
    private ChunkWindow? _window;
    private long _pos;
    private long _entries;
    private int _rowsStarted;
    private int _valueCount;
    private int _listCapacity;

    // Levels fit a byte: the schema is at most 64 levels deep.
    private byte[] _defs = Array.Empty<byte>(), _reps = Array.Empty<byte>();
    private int[] _indices = Array.Empty<int>();
    private double[] _scratch = Array.Empty<double>();
    private string?[] _textScratch = Array.Empty<string?>();

    public ColumnChunkReader(ByteSource source, long fileLength, string path, ParquetReadOptions options, int rowGroup,
        ParquetColumn column, int rows, ColumnChunkMeta chunk, bool validateOnly = false, ParquetColumnData? recycle = null, bool binary = false)
    {
        _binary = binary && column.PhysicalType == PhysicalType.ByteArray && column.MaxRepetitionLevel == 0;
        _recycle = recycle is not null && recycle.Column.Path == column.Path ? recycle : null;
        _source = source;
        _fileLength = fileLength;
        _path = path;
        _options = options;
        _rowGroup = rowGroup;
        _column = column;
        _rows = rows;
        _chunk = chunk;
        _text = column.Use == ColumnUse.Text || _binary;
        _validateOnly = validateOnly && column.Use == ColumnUse.Skipped;
        _single = !_text && !_validateOnly && column.PhysicalType == PhysicalType.Float;
        if (!_text && column.Use == ColumnUse.Skipped && !_validateOnly)
            throw SpectraException.Unsupported($"column '{column.Path}' is not analysed: {column.SkipReason}", path,
                $"row group {rowGroup}, column '{column.Path}'", "select numeric or list-of-numeric columns");
    }

    private string Where => _page < 0 ? $"row group {_rowGroup}, column '{_column.Path}'" : $"row group {_rowGroup}, column '{_column.Path}', page {_page}";

    public ParquetColumnData Read()
    {
        try
        {
            return ReadChunk();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw Placed(e);
        }
        finally
        {
            ReturnScratch();
        }
    }

    // Every error names the file, row group, column and page; anything not already a SpectraException is corrupt data.
    private SpectraException Placed(Exception e) => e is SpectraException s
        ? ParquetFile.Place(s, _path, Where)
        // Safety net: explicit checks should have caught this; report it as corrupt data, never as a crash.
        : new SpectraException(SpectraErrorKind.InvalidInput, "the column data is inconsistent (" + e.GetType().Name + ": " + e.Message + ")",
            _path, Where, ParquetErrors.CorruptHint, e);

    private void ReturnScratch()
    {
        _window?.Dispose();
        _window = null;
        Return(_defs);
        Return(_reps);
        Return(_indices);
        Return(_scratch);
        Return(_pageBuffer);
        _defs = _reps = _pageBuffer = Array.Empty<byte>();
        _indices = Array.Empty<int>();
        _scratch = Array.Empty<double>();
    }

    private void CheckMemory(long bytes, string what)
    {
        if (bytes < 0 || bytes > _options.MemoryLimitBytes)
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                $"{what} needs {bytes} bytes, more than the memory limit of {_options.MemoryLimitBytes} bytes", hint:
                "raise ParquetReadOptions.MemoryLimitBytes if the file is genuine, or rewrite it with smaller row groups");
        MemoryBudget.Current.Check(bytes, what);
    }

    // The chunk's checks shared by whole and sliced reads; false for an empty row group, which has no pages to read.
    private bool Locate(out long start, out long size)
    {
        start = size = 0;
        if (_chunk.Encrypted || _chunk.MetaData is null)
            throw SpectraException.Unsupported(_chunk.Encrypted ? "the column is encrypted, not supported" : "the column chunk has no metadata",
                hint: "export the file without encryption");
        var meta = _chunk.MetaData;
        if (!_text && !_validateOnly) _numeric = new NumericDecoder(_column);
        if (_chunk.FilePath is not null)
            throw SpectraException.Unsupported($"the column chunk lives in another file ('{_chunk.FilePath}'), not supported");
        if (meta.Type != _column.PhysicalType)
            throw ParquetErrors.Corrupt($"the chunk's physical type {meta.Type} differs from the schema's {_column.PhysicalType}");
        _meta = meta;
        if (_rows == 0 && meta.NumValues == 0) return false;
        start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is long d && d > 0 && d < start) start = d;
        size = meta.TotalCompressedSize;
        if (start < 4 || size <= 0 || start > _fileLength - 8 || size > _fileLength - 8 - start)
            throw ParquetErrors.Corrupt($"the column chunk at offset {start} with {size} bytes does not fit in the {_fileLength}-byte file");
        if (_column.MaxRepetitionLevel == 0 && meta.NumValues != _rows)
            throw ParquetErrors.Corrupt($"the column chunk holds {meta.NumValues} values, its row group {_rows} rows");
        if (_column.MaxRepetitionLevel > 0 && meta.NumValues < _rows)
            throw ParquetErrors.Corrupt($"the list column chunk holds {meta.NumValues} level entries for {_rows} rows");
        return true;
    }

    private ParquetColumnData ReadChunk()
    {
        if (!Locate(out long start, out long size))
        {
            // An empty row group: nothing to decode, whatever its (sometimes placeholder) offsets say.
            _result = new ParquetColumnData(_column, 0) { Offsets = _column.MaxRepetitionLevel > 0 ? new int[1] : null,
                RowIsNull = _column.MaxRepetitionLevel > 0 ? Array.Empty<bool>() : null, Strings = _text && !_binary ? Array.Empty<string?>() : null, Binaries = _binary ? Array.Empty<byte[]?>() : null };
            if (_column.MaxRepetitionLevel > 0) _result.Nulls = Array.Empty<bool>();
            return _result;
        }
        var meta = _meta;
        _result = new ParquetColumnData(_column, _rows);
        if (_column.MaxRepetitionLevel == 0)
        {
            CheckMemory((long)_rows * (_text ? 16 : 9), "the decoded column");
            if (_binary) AllocateBinaries(meta);
            else if (_text) _result.Strings = new string?[_rows];
            else AllocateValues(_rows);
            if (_column.MaxDefinitionLevel > 0) _result.Nulls = ReuseCleared(_recycle?.NullBuffer, _rows);
        }
        else
        {
            CheckMemory(meta.NumValues * 9L + _rows * 5L, "the decoded list column");
            AllocateValues((int)meta.NumValues);
            _listCapacity = (int)meta.NumValues; // element nulls are allocated at the first null: most embeddings have none
            _result.Offsets = Reuse(_recycle?.Offsets, _rows + 1);
            _result.RowIsNull = Reuse(_recycle?.RowIsNull, _rows);
        }

        _window = new ChunkWindow(_source, start, size, _path);
        _page = 0;
        while (_entries < meta.NumValues) ReadPage();
        _page = -1;
        Finish();
        return _result;
    }

    // Page headers are small but unbounded (statistics): parse from a modest window, widening it while the header runs on.
    private static PageHeader ReadHeader(ChunkWindow window, long pos, out int headerLength)
    {
        long left = window.Size - pos;
        int length = (int)Math.Min(left, 64 << 10);
        while (true)
        {
            try
            {
                return MetadataParser.ParsePageHeader(window.Get(pos, length), out headerLength);
            }
            catch (SpectraException) when (length < left && length < 16 << 20)
            {
                length = (int)Math.Min(left, length * 8L);
            }
        }
    }

    private void AllocateValues(int n)
    {
        if (_single) _result.Singles = Reuse(_recycle?.Singles, n);
        else _result.Values = Reuse(_recycle?.DoubleStorage, n);
    }

    private int Capacity => _single ? _result.Singles!.Length : _result.Values.Length;

    private void Store(int index, double value)
    {
        if (_single) _result.Singles![index] = (float)value;
        else _result.Values[index] = value;
    }

    // n present values straight into the column's storage from index `at`.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DecodeDense(ParquetEncoding encoding, ReadOnlySpan<byte> data, int at, int n)
    {
        if (!_single)
        {
            DecodeNumeric(encoding, data, _result.Values.AsSpan(at, n));
            return;
        }
        var target = _result.Singles.AsSpan(at, n);
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                if (4L * n > data.Length) throw ParquetErrors.Corrupt($"PLAIN values need {4L * n} bytes, the page has {data.Length}");
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(data.Slice(0, 4 * n)).CopyTo(target);
                return;
            case ParquetEncoding.ByteStreamSplit:
                ByteStreamSplit.Join(data, 4, n, System.Runtime.InteropServices.MemoryMarshal.AsBytes(target));
                return;
            default:
            {
                // Dictionary pages and the rest: decoded as doubles, which hold every float exactly.
                var wide = Scratch(n);
                DecodeNumeric(encoding, data, wide);
                for (int i = 0; i < n; i++) target[i] = (float)wide[i];
                return;
            }
        }
    }

    // Buffers come from the previous row group of the same column, else from the shared pool; every entry read is written first.
    private static T[] Reuse<T>(T[]? old, int n) where T : unmanaged => old is not null && old.Length >= n ? old : ColumnBuffers.Rent<T>(n);

    private static bool[] ReuseCleared(bool[]? old, int n)
    {
        var buffer = Reuse(old, n);
        buffer.AsSpan(0, n).Clear();
        return buffer;
    }

    private static void Return<T>(T[] array) where T : unmanaged => ColumnBuffers.ReturnScratch(array);

    private static T[] Grow<T>(T[] current, int n) where T : unmanaged
    {
        if (current.Length >= n) return current;
        Return(current);
        return ColumnBuffers.RentScratch<T>(n);
    }

    // Reads the next page of the chunk (any type); a data page's entries are consumed, or in a sliced
    // read of a PLAIN page left pending to be consumed in parts.
    private void ReadPage()
    {
        var window = _window!;
        var meta = _meta;
        long size = window.Size;
        if (_pos >= size)
            throw ParquetErrors.Corrupt($"the column chunk ends after {_entries} of its {meta.NumValues} values");
        var header = ReadHeader(window, _pos, out int headerLength);
        _pos += headerLength;
        if (header.CompressedPageSize > size - _pos)
            throw ParquetErrors.Corrupt($"the page of {header.CompressedPageSize} bytes runs past the column chunk ({size - _pos} bytes left)");
        CheckMemory(header.CompressedPageSize, "the page");
        var body = window.GetMemory(_pos, header.CompressedPageSize);
        _pos += header.CompressedPageSize;
        if (header.Crc is int crc && _options.VerifyChecksums)
        {
            uint actual = Crc32.Compute(body.Span);
            if (actual != (uint)crc)
                throw SpectraException.Invalid($"page checksum mismatch (stored CRC-32 {(uint)crc:x8}, computed {actual:x8})",
                    hint: "the file is corrupt; copy or export it again");
        }
        switch (header.Type)
        {
            case PageType.DictionaryPage:
                ReadDictionaryPage(header, body, meta.Codec);
                break;
            case PageType.DataPage:
                ReadDataPageV1(header, body, meta.Codec, meta.NumValues);
                break;
            case PageType.DataPageV2:
                ReadDataPageV2(header, body, meta.Codec, meta.NumValues);
                break;
            default:
                break; // index pages carry nothing Spectra reads
        }
        _page++;
    }

    private void Finish()
    {
        if (_column.MaxRepetitionLevel == 0)
        {
            if (_entries != _rows) throw ParquetErrors.Corrupt($"the column chunk holds {_entries} values for {_rows} rows");
            _result.ValueCount = _rows;
        }
        else
        {
            if (_rowsStarted != _rows) throw ParquetErrors.Corrupt($"the list column holds {_rowsStarted} rows, its row group {_rows}");
            _result.Offsets![_rows] = _valueCount;
            _result.ValueCount = _valueCount;
        }
        if (_result.Nulls is not null && _result.NullCount == 0 && _column.MaxRepetitionLevel == 0) _result.Nulls = null;
    }

    // The page's bytes stay valid until the next page is read (a sliced read consumes a PLAIN page in parts from them).
    private ReadOnlyMemory<byte> Decompress(CompressionCodec codec, ReadOnlyMemory<byte> body, int uncompressedSize)
    {
        CheckMemory(uncompressedSize, "the decompressed page");
        if (codec == CompressionCodec.Uncompressed)
        {
            if (body.Length != uncompressedSize)
                throw ParquetErrors.Corrupt($"an uncompressed page of {body.Length} bytes, its header says {uncompressedSize}");
            return body;
        }
        _pageBuffer = Grow(_pageBuffer, uncompressedSize);
        var output = _pageBuffer.AsMemory(0, uncompressedSize);
        PageDecompressor.Decompress(codec, body.Span, output.Span);
        return output;
    }

    private void ReadDictionaryPage(PageHeader header, ReadOnlyMemory<byte> body, CompressionCodec codec)
    {
        var dp = header.DictionaryPage ?? throw ParquetErrors.Corrupt("a dictionary page without a dictionary page header");
        if (_dictionary is not null || _textDictionary is not null || _binaryDictionary is not null || _rawDictionaryCount >= 0) throw ParquetErrors.Corrupt("a second dictionary page in one column chunk");
        if (_entries > 0) throw ParquetErrors.Corrupt("a dictionary page after data pages");
        if (dp.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
            throw ParquetErrors.Unsupported($"dictionary page encoding {dp.Encoding}", "re-export the file with a standard writer");
        var data = Decompress(codec, body, header.UncompressedPageSize).Span;
        int n = dp.NumValues;
        if (_binary)
        {
            ReadBinaryDictionary(data, n);
            return;
        }
        if (_text)
        {
            if (n > data.Length / 4) throw ParquetErrors.Corrupt($"the dictionary declares {n} strings in {data.Length} bytes");
            var dict = new string?[n];
            ByteArrayDecoders.DecodePlain(data, n, (i, v) => dict[i] = System.Text.Encoding.UTF8.GetString(v));
            _textDictionary = dict;
            return;
        }
        if (_validateOnly)
        {
            RawValues.Check(_column, ParquetEncoding.Plain, data, n);
            _rawDictionaryCount = n;
            return;
        }
        long minBytes = _column.PhysicalType switch
        {
            PhysicalType.Boolean => (n + 7L) / 8,
            PhysicalType.ByteArray => 4L * n,
            _ => (long)n * _numeric!.FixedWidth,
        };
        if (minBytes > data.Length) throw ParquetErrors.Corrupt($"the dictionary declares {n} values in {data.Length} bytes");
        var values = new double[n];
        _numeric!.DecodePlain(data, values);
        _dictionary = values;
    }

    private void ReadDataPageV1(PageHeader header, ReadOnlyMemory<byte> body, CompressionCodec codec, long declared)
    {
        var dp = header.DataPage ?? throw ParquetErrors.Corrupt("a data page without a data page header");
        int n = dp.NumValues;
        if (n > declared - _entries) throw ParquetErrors.Corrupt($"the page holds {n} values, more than the {declared - _entries} the column chunk has left");
        var data = Decompress(codec, body, header.UncompressedPageSize);
        int pos = 0;
        EnsureLevels(n);
        var reps = _reps.AsSpan(0, n);
        var defs = _defs.AsSpan(0, n);
        if (_column.MaxRepetitionLevel > 0) pos += ReadV1Levels(data.Span.Slice(pos), dp.RepetitionLevelEncoding, _column.MaxRepetitionLevel, reps, "repetition");
        if (_column.MaxDefinitionLevel > 0) pos += ReadV1Levels(data.Span.Slice(pos), dp.DefinitionLevelEncoding, _column.MaxDefinitionLevel, defs, "definition");
        ConsumePage(n, dp.Encoding, data.Slice(pos));
    }

    private int ReadV1Levels(ReadOnlySpan<byte> data, ParquetEncoding encoding, int max, Span<byte> output, string kind)
    {
        int width = RleBitPackedHybrid.BitWidth(max);
        if (encoding == ParquetEncoding.Rle)
        {
            if (data.Length < 4) throw ParquetErrors.Corrupt($"{kind} levels lack their length prefix");
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(data);
            if (length > data.Length - 4) throw ParquetErrors.Corrupt($"{kind} levels of {length} bytes run past the page");
            RleBitPackedHybrid.Decode(data.Slice(4, (int)length), width, output, max);
            return 4 + (int)length;
        }
        if (encoding == ParquetEncoding.BitPacked)
            return RleBitPackedHybrid.DecodeLegacyBitPacked(data, width, output, max);
        throw ParquetErrors.Unsupported($"{kind}-level encoding {encoding}");
    }

    private void ReadDataPageV2(PageHeader header, ReadOnlyMemory<byte> body, CompressionCodec codec, long declared)
    {
        var dp = header.DataPageV2 ?? throw ParquetErrors.Corrupt("a data page V2 without its header");
        int n = dp.NumValues;
        if (n > declared - _entries) throw ParquetErrors.Corrupt($"the page holds {n} values, more than the {declared - _entries} the column chunk has left");
        long levelBytes = (long)dp.RepetitionLevelsByteLength + dp.DefinitionLevelsByteLength;
        if (levelBytes > body.Length) throw ParquetErrors.Corrupt($"the page's levels ({levelBytes} bytes) exceed its {body.Length} bytes");
        if (levelBytes > header.UncompressedPageSize) throw ParquetErrors.Corrupt("the page's levels exceed its uncompressed size");
        EnsureLevels(n);
        var reps = _reps.AsSpan(0, n);
        var defs = _defs.AsSpan(0, n);
        var repBytes = body.Span.Slice(0, dp.RepetitionLevelsByteLength);
        var defBytes = body.Span.Slice(dp.RepetitionLevelsByteLength, dp.DefinitionLevelsByteLength);
        if (_column.MaxRepetitionLevel > 0)
            RleBitPackedHybrid.Decode(repBytes, RleBitPackedHybrid.BitWidth(_column.MaxRepetitionLevel), reps, _column.MaxRepetitionLevel);
        if (_column.MaxDefinitionLevel > 0)
            RleBitPackedHybrid.Decode(defBytes, RleBitPackedHybrid.BitWidth(_column.MaxDefinitionLevel), defs, _column.MaxDefinitionLevel);
        var valuesPart = body.Slice((int)levelBytes);
        int valuesSize = header.UncompressedPageSize - (int)levelBytes;
        ReadOnlyMemory<byte> values;
        if (valuesPart.Length == 0) values = ReadOnlyMemory<byte>.Empty; // an empty body is never handed to a codec
        else if (!dp.IsCompressed || codec == CompressionCodec.Uncompressed)
        {
            if (valuesPart.Length != valuesSize)
                throw ParquetErrors.Corrupt($"an uncompressed page body of {valuesPart.Length} bytes, its header says {valuesSize}");
            values = valuesPart;
        }
        else values = Decompress(codec, valuesPart, valuesSize);
        ConsumePage(n, dp.Encoding, values);
    }

    private void EnsureLevels(int n)
    {
        CheckMemory(n * 2L, "the page's levels");
        _defs = Grow(_defs, n);
        _reps = Grow(_reps, n);
        if (_column.MaxDefinitionLevel == 0) _defs.AsSpan(0, n).Clear();
        if (_column.MaxRepetitionLevel == 0) _reps.AsSpan(0, n).Clear();
    }

    // Entries [first, first + n) of the current page's levels, with their present values from `data`; returns how many were present.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ConsumeValues(int first, int n, ParquetEncoding encoding, ReadOnlySpan<byte> data)
    {
        int maxDef = _column.MaxDefinitionLevel;
        var defs = _defs.AsSpan(first, n);
        int present = maxDef == 0 ? n : Count(defs, maxDef);
        if (_sliced) MakeRoom(n);
        if (_column.MaxRepetitionLevel == 0)
        {
            if (_entries + n > _rows) throw ParquetErrors.Corrupt($"the pages hold more than the row group's {_rows} rows");
            int rowBase = (int)(_entries - _rowsBefore);
            if (_binary)
            {
                var values = new byte[]?[present];
                DecodeBinary(encoding, data, values);
                Scatter(defs, maxDef, values, _result.Binaries.AsSpan(rowBase, n));
            }
            else if (_text)
            {
                var strings = TextScratch(present);
                DecodeText(encoding, data, strings);
                Scatter(defs, maxDef, strings, _result.Strings.AsSpan(rowBase, n));
            }
            else if (present == n)
            {
                DecodeDense(encoding, data, rowBase, n);
            }
            else
            {
                var vals = Scratch(present);
                DecodeNumeric(encoding, data, vals);
                var nulls = _result.Nulls.AsSpan(rowBase, n);
                int k = 0;
                for (int i = 0; i < n; i++)
                {
                    if (defs[i] == maxDef) Store(rowBase + i, vals[k++]);
                    else
                    {
                        Store(rowBase + i, double.NaN);
                        nulls[i] = true;
                    }
                }
                _result.NullCount += n - present;
            }
            _entries += n;
            return present;
        }
        // Lists: rows begin where the repetition level is 0; leaf slots exist from the element definition level on.
        // Row counts compare against the rows already handed out in slices too (_rowsBefore, 0 in a whole read).
        var reps = _reps.AsSpan(first, n);
        if (present == n)
        {
            // Every entry is a present element (no null or empty list in the page): decode in place, then only mark row starts.
            if (_valueCount + (long)n > Capacity) throw ParquetErrors.Corrupt("the list column holds more values than its chunk declares");
            DecodeDense(encoding, data, _valueCount, n);
            var starts = _result.Offsets!;
            var nullRows = _result.RowIsNull!;
            if (n > 0 && reps[0] != 0 && _rowsStarted + _rowsBefore == 0) throw ParquetErrors.Corrupt("the first repetition level is not 0");
            for (int i = 0; i < n; i++)
            {
                if (reps[i] != 0) continue;
                if (_rowsStarted + _rowsBefore >= _rows) throw ParquetErrors.Corrupt($"the list column holds more rows than the row group's {_rows}");
                starts[_rowsStarted] = _valueCount + i;
                nullRows[_rowsStarted] = false;
                _rowsStarted++;
            }
            _valueCount += n;
            _entries += n;
            return present;
        }
        var listVals = Scratch(present);
        DecodeNumeric(encoding, data, listVals);
        int emptyDef = _column.ListEmptyDefinitionLevel, elementDef = _column.ElementDefinitionLevel;
        var offsets = _result.Offsets!;
        var rowNull = _result.RowIsNull!;
        int v = 0;
        for (int i = 0; i < n; i++)
        {
            int def = defs[i];
            if (reps[i] == 0)
            {
                if (_rowsStarted + _rowsBefore >= _rows) throw ParquetErrors.Corrupt($"the list column holds more rows than the row group's {_rows}");
                offsets[_rowsStarted] = _valueCount;
                rowNull[_rowsStarted] = def < emptyDef;
                _rowsStarted++;
            }
            else if (_rowsStarted + _rowsBefore == 0) throw ParquetErrors.Corrupt("the first repetition level is not 0");
            if (def >= elementDef && def >= emptyDef + 1)
            {
                if (def == maxDef) Store(_valueCount, listVals[v++]);
                else
                {
                    Store(_valueCount, double.NaN);
                    _result.Nulls ??= ReuseCleared(_recycle?.NullBuffer, _listCapacity);
                    _result.Nulls[_valueCount] = true;
                    _result.NullCount++;
                }
                _valueCount++;
            }
        }
        _entries += n;
        return present;
    }

    private static int Count(ReadOnlySpan<byte> defs, int maxDef)
    {
        // Vectorised: all-present pages are the common case.
        return System.MemoryExtensions.Count(defs, (byte)maxDef);
    }

    private Span<double> Scratch(int n)
    {
        CheckMemory(n * 8L, "the page's values");
        _scratch = Grow(_scratch, n);
        return _scratch.AsSpan(0, n);
    }

    private string?[] TextScratch(int n)
    {
        if (_textScratch.Length != n) _textScratch = new string?[n];
        return _textScratch;
    }

    private static void Scatter<T>(ReadOnlySpan<byte> defs, int maxDef, T?[] values, Span<T?> target) where T : class
    {
        int k = 0;
        for (int i = 0; i < target.Length; i++) target[i] = maxDef == 0 || defs[i] == maxDef ? values[k++] : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DecodeNumeric(ParquetEncoding encoding, ReadOnlySpan<byte> data, Span<double> output)
    {
        int n = output.Length;
        if (_validateOnly)
        {
            if (encoding is ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary)
            {
                if (_rawDictionaryCount < 0) throw ParquetErrors.Corrupt("a dictionary-encoded page without a dictionary page");
                Indices(data, n, _rawDictionaryCount);
            }
            else RawValues.Check(_column, encoding, data, n);
            output.Fill(double.NaN);
            return;
        }
        var dec = _numeric!;
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                dec.DecodePlain(data, output);
                return;
            case ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary:
            {
                var dict = _dictionary ?? throw ParquetErrors.Corrupt("a dictionary-encoded page without a dictionary page");
                var idx = Indices(data, n, dict.Length);
                for (int i = 0; i < n; i++) output[i] = dict[idx[i]];
                return;
            }
            case ParquetEncoding.Rle when _column.PhysicalType == PhysicalType.Boolean:
            {
                if (n == 0) return;
                if (data.Length < 4) throw ParquetErrors.Corrupt("RLE booleans lack their length prefix");
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(data);
                if (length > data.Length - 4) throw ParquetErrors.Corrupt($"RLE booleans of {length} bytes run past the page");
                var bits = IndexBuffer(n);
                RleBitPackedHybrid.Decode(data.Slice(4, (int)length), 1, bits, 1);
                for (int i = 0; i < n; i++) output[i] = bits[i];
                return;
            }
            case ParquetEncoding.DeltaBinaryPacked when dec.IsInteger:
            {
                if (n == 0) return;
                CheckMemory(n * 8L, "the delta-decoded values");
                var longs = new long[n];
                DeltaBinaryPacked.Decode(data, longs, _column.PhysicalType == PhysicalType.Int32);
                dec.FromIntegers(longs, output);
                return;
            }
            case ParquetEncoding.ByteStreamSplit when dec.FixedWidth > 0:
            {
                long bytes = (long)n * dec.FixedWidth;
                CheckMemory(bytes, "the byte-stream-split values");
                var plain = new byte[bytes];
                ByteStreamSplit.Join(data, dec.FixedWidth, n, plain);
                dec.DecodePlain(plain, output);
                return;
            }
            case ParquetEncoding.DeltaLengthByteArray when dec.IsByteArray:
            {
                var local = new double[n];
                ByteArrayDecoders.DecodeDeltaLength(data, n, (i, v) => local[i] = dec.FromByteArray(v));
                local.CopyTo(output);
                return;
            }
            case ParquetEncoding.DeltaByteArray when dec.IsByteArray:
            {
                var local = new double[n];
                ByteArrayDecoders.DecodeDeltaByteArray(data, n, (i, v) => local[i] = dec.FromByteArray(v));
                local.CopyTo(output);
                return;
            }
            default:
                throw ParquetErrors.Unsupported($"encoding {encoding} on a {_column.TypeDescription} column is not supported",
                    "re-export the file with PLAIN or dictionary encoding");
        }
    }

    private void DecodeText(ParquetEncoding encoding, ReadOnlySpan<byte> data, string?[] output)
    {
        int n = output.Length;
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                ByteArrayDecoders.DecodePlain(data, n, (i, v) => output[i] = System.Text.Encoding.UTF8.GetString(v));
                return;
            case ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary:
            {
                var dict = _textDictionary ?? throw ParquetErrors.Corrupt("a dictionary-encoded page without a dictionary page");
                var idx = Indices(data, n, dict.Length);
                for (int i = 0; i < n; i++) output[i] = dict[idx[i]];
                return;
            }
            case ParquetEncoding.DeltaLengthByteArray:
                ByteArrayDecoders.DecodeDeltaLength(data, n, (i, v) => output[i] = System.Text.Encoding.UTF8.GetString(v));
                return;
            case ParquetEncoding.DeltaByteArray:
                ByteArrayDecoders.DecodeDeltaByteArray(data, n, (i, v) => output[i] = System.Text.Encoding.UTF8.GetString(v));
                return;
            default:
                throw ParquetErrors.Unsupported($"encoding {encoding} on a string column is not supported");
        }
    }

    private Span<int> Indices(ReadOnlySpan<byte> data, int n, int dictionarySize)
    {
        if (n == 0) return Span<int>.Empty;
        if (data.Length < 1) throw ParquetErrors.Corrupt("dictionary indices lack their bit width");
        int width = data[0];
        if (width > 32) throw ParquetErrors.Corrupt($"dictionary index bit width {width} exceeds 32");
        if (dictionarySize == 0) throw ParquetErrors.Corrupt("dictionary indices refer to an empty dictionary");
        var idx = IndexBuffer(n);
        RleBitPackedHybrid.Decode(data.Slice(1), width, idx, dictionarySize - 1);
        return idx;
    }

    private Span<int> IndexBuffer(int n)
    {
        CheckMemory(n * 4L, "the page's indices");
        _indices = Grow(_indices, n);
        return _indices.AsSpan(0, n);
    }
}
