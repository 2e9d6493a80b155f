using Sylvan.Data.Csv;

namespace Spectra.Data.Csv;

/// <summary>
/// The records of one CSV or TSV file (plain or .gz), streamed: one record is held at a time, in a buffer
/// that never grows past <see cref="MaxRecordChars"/>. Blank lines are passed over. Every parser or
/// decompression failure becomes one <see cref="SpectraException"/> naming the file and the line.
/// </summary>
internal sealed class CsvRecords : IDisposable
{
    /// <summary>The longest record read by default (in characters, two bytes each): far beyond any table's row, far below the machine.</summary>
    public const int DefaultMaxRecordChars = 8 << 20;

    /// <summary>The shortest cap: Sylvan's buffer starts at 4096 characters and must hold a record.</summary>
    public const int MinRecordChars = 1 << 12;

    private readonly CsvDataReader _reader;
    private readonly Stream _bytes;
    private readonly string _path;
    private long _comments;
    private bool _ended;

    public int MaxRecordChars { get; }

    private CsvRecords(string path, Stream bytes, CsvDataReader reader, int maxRecordChars)
    {
        _path = path;
        _bytes = bytes;
        _reader = reader;
        MaxRecordChars = maxRecordChars;
    }

    /// <summary>Comma for .csv, tab for .tsv, each also under .gz: fixed by the name, so a file never reads differently because of its first line.</summary>
    public static char Delimiter(string path) => Plain(path).EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';

    public static bool IsCompressed(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the names read as CSV: .csv, .tsv, .csv.gz, .tsv.gz (any case).</summary>
    public static bool IsCsvName(string path)
    {
        var plain = Plain(path);
        return plain.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || plain.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);
    }

    private static string Plain(string path) => IsCompressed(path) ? path[..^3] : path;

    /// <summary>Bytes a reader holds at most for a record cap (the parser's buffer of UTF-16 characters, and the decoder's).</summary>
    public static long BufferBytes(int maxRecordChars) => 2L * maxRecordChars + (256 << 10);

    public static CsvRecords Open(string path, int maxRecordChars, ContentHash? hash = null)
    {
        Stream? bytes = null;
        try
        {
            Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            if (hash is not null) file = new HashingStream(file, hash);
            bytes = IsCompressed(path) ? new GzipEndCheck(new GZipStream(file, CompressionMode.Decompress), path) : file;
            var text = new FieldCountGuard(new StreamReader(bytes, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true), Delimiter(path), path);
            long comments = 0;
            var records = default(CsvRecords);
            var options = new CsvDataReaderOptions
            {
                HasHeaders = false,
                Delimiter = Delimiter(path),
                BufferSize = Math.Min(1 << 16, maxRecordChars),
                MaxBufferSize = maxRecordChars,
                // Counted, so that a line number counts the comment lines above it (numpy writes its header as one).
                CommentHandler = (Action<string>)(_ =>
                {
                    if (records is null) comments++;
                    else records._comments++;
                }),
            };
            var reader = Translate(path, () => CsvDataReader.Create(text, options), 1, maxRecordChars);
            records = new CsvRecords(path, bytes, reader, maxRecordChars) { _comments = comments };
            return records;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bytes?.Dispose();
            throw new SpectraException(SpectraErrorKind.Io, "cannot read the file: " + e.Message, path);
        }
        catch
        {
            bytes?.Dispose();
            throw;
        }
    }

    /// <summary>The current record's line: its 1-based number counting the header, blank and comment lines (a cell holding a line break counts as none).</summary>
    public long Line { get; private set; }

    public int Fields => _reader.RowFieldCount;

    public ReadOnlySpan<char> Field(int i) => _reader.GetFieldSpan(i);

    /// <summary>Moves to the next record that is not a blank line; false at the end of the file.</summary>
    public bool Read()
    {
        if (_ended) return false;
        while (true)
        {
            bool more = Translate(_path, _reader.Read, Line + 1, MaxRecordChars);
            if (!more)
            {
                _ended = true;
                return false;
            }
            Line = _reader.RowNumber + _comments;
            if (_reader.RowFieldCount == 1 && _reader.GetFieldSpan(0).IsEmpty) continue;
            return true;
        }
    }

    /// <summary>Reads the rest of the bytes without parsing them: the content hash covers the whole file, and a .gz is checked to its end.</summary>
    public void Drain()
    {
        var buffer = new byte[1 << 16];
        Translate(_path, () =>
        {
            while (_bytes.Read(buffer) > 0) { }
            return true;
        }, Line, MaxRecordChars);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _bytes.Dispose();
    }

    private static T Translate<T>(string path, Func<T> read, long line, int maxRecordChars)
    {
        try
        {
            return read();
        }
        catch (CsvRecordTooLargeException)
        {
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                string.Create(CultureInfo.InvariantCulture, $"a record is longer than {maxRecordChars} characters, the most one record may hold"), path,
                Where(line), "a table's row is far shorter: check that the file is CSV or TSV with one record per line (a cell opening a quote that never closes also runs on)");
        }
        catch (CsvFormatException e)
        {
            // The reader's own row number counts records, not lines: the line after the last one read is where it stopped.
            throw SpectraException.Invalid("malformed CSV: " + e.Message, path, Where(line),
                "fix the quoting: a cell holding the delimiter, a quote or a line break is quoted, and a quote inside it doubled");
        }
        catch (InvalidDataException e)
        {
            throw SpectraException.Invalid("the gzip data is corrupt: " + e.Message, path, Where(line), "fetch or compress the file again");
        }
        catch (IOException e)
        {
            throw new SpectraException(SpectraErrorKind.Io, "read error: " + e.Message, path, Where(line));
        }
    }

    private static string Where(long line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");
}
