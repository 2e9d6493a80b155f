namespace Spectra.Data.Csv;

/// <summary>
/// Stops a record with more fields than <see cref="MaxFields"/> before the parser sees it. The parser's
/// bookkeeping for a record grows with the square of its field count (a line of 200 000 one-digit cells costs
/// it gigabytes of allocations), so a cap on the record's characters alone does not bound it. Delimiters are
/// counted outside quotes, as the text passes through on its way to the parser.
/// </summary>
internal sealed class FieldCountGuard(TextReader inner, char delimiter, string path) : TextReader
{
    /// <summary>
    /// Columns a record may have. A record this wide still costs the parser about 50 MB of short-lived
    /// allocations (once: later records reuse them); a covariance of as many features is 2 GB.
    /// </summary>
    public const int MaxFields = 1 << 14;

    private int _delimiters;
    private bool _quoted;
    private long _line = 1;
    private bool _afterCr;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        int n = inner.Read(buffer);
        Scan(buffer[..n]);
        return n;
    }

    public override int Read()
    {
        int c = inner.Read();
        if (c >= 0) Scan([(char)c]);
        return c;
    }

    public override int Peek() => inner.Peek();

    private void Scan(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            bool afterCr = _afterCr;
            _afterCr = false;
            if (c == '"') _quoted = !_quoted;
            else if (_quoted) continue;
            else if (c is '\n' or '\r')
            {
                // "\r\n" is one line break, and so is a lone "\r" (old Mac files): either ends a record.
                if (!(c == '\n' && afterCr)) _line++;
                _afterCr = c == '\r';
                _delimiters = 0;
            }
            else if (c == delimiter && ++_delimiters >= MaxFields)
                throw new SpectraException(SpectraErrorKind.LimitExceeded,
                    string.Create(CultureInfo.InvariantCulture, $"a record has more than {MaxFields} fields, the most one record may hold"), path,
                    string.Create(CultureInfo.InvariantCulture, $"line {_line}"),
                    "check the delimiter (comma for .csv, tab for .tsv) and that records end with line breaks; a wider table reads as .npy or Parquet");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
