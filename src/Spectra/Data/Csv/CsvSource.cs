namespace Spectra.Data.Csv;

/// <summary>
/// A CSV or TSV file, plain or gzip-compressed, as a stream of row chunks. Records are parsed one at a
/// time into a chunk buffer reserved against the run's memory budget; a .gz is inflated as it is read.
/// Rows are named "data.csv#row 12" (the 0-based data row, as a Parquet file's rows are) and keyed by
/// their data-row index, the identity that seeded subsets and shards are drawn from.
/// </summary>
internal sealed class CsvSource : IDataSource
{
    private readonly string _path;
    private readonly string _name;
    private readonly CsvSourceOptions _options;
    private readonly CsvPlan _plan;
    private readonly bool _hasHeader;
    private readonly int _width;
    private readonly int _maxRecordChars;

    // Data rows in the file, counted in a first pass only when a subset or a shard needs them: a record's
    // place among all of them cannot be known before reading, and selection sampling (the same RowSampler
    // as Parquet's) needs the total to keep exactly k rows, the same ones whatever the chunk size.
    private readonly long? _totalRows;
    private double[]? _means;

    public CsvSource(string path, CsvSourceOptions? options = null)
    {
        _options = options ?? new CsvSourceOptions();
        if (_options.MaxRows is <= 0)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"MaxRows must be positive, got {_options.MaxRows}");
        if (_options.Shard is not null && _options.Nulls == NullPolicy.MeanImpute)
            throw SpectraException.Naming(SpectraErrorKind.InvalidOption, "mean imputation needs the whole dataset's column means, which one shard does not have", ["nulls"], path,
                hint: "drop the rows with nulls ({nulls=drop-row}), or impute them before sharding");
        if (!File.Exists(path))
            throw new SpectraException(SpectraErrorKind.Io, "no such file", path, hint: "check the path");
        _path = path;
        _name = Path.GetFileName(path);
        _maxRecordChars = RecordCap(_options.MaxRecordChars);

        var notes = new List<string>();
        string[] names;
        string?[]? firstRow = null;
        long firstRowLine = 0;
        using (MemoryBudget.Current.Reserve(CsvRecords.BufferBytes(_maxRecordChars), "the CSV reader's record buffer", path))
        using (var records = CsvRecords.Open(path, _maxRecordChars))
        {
            if (!records.Read())
                throw new SpectraException(SpectraErrorKind.NotEnoughData, "the file holds no records", path, hint: "give a CSV or TSV file with one sample per line");
            _width = records.Fields;
            var first = Cells(records);
            long firstLine = records.Line;
            var second = records.Read() ? Cells(records) : null;
            _hasHeader = CsvColumns.IsHeader(first, second);
            if (_hasHeader)
            {
                names = first.Select(n => n!.Trim()).ToArray();
                notes.Add("column names from the header on line " + firstLine.ToString(CultureInfo.InvariantCulture));
                if (second is not null) (firstRow, firstRowLine) = (second, records.Line);
            }
            else
            {
                names = Enumerable.Range(0, _width).Select(CsvColumns.PositionName).ToArray();
                notes.Add("no header (no text in the first record above a number in the second): columns named column 1 … column " + _width.ToString(CultureInfo.InvariantCulture));
                (firstRow, firstRowLine) = (first, firstLine);
            }
        }
        _plan = CsvColumns.Resolve(names, firstRow, firstRowLine, _options, path);
        notes.AddRange(_plan.Notes);
        if (_options.MaxRows is not null || _options.Shard is not null) _totalRows = CountRows();
        notes.Add($"{Features} features of {_width} columns");
        if (_options.MaxRows is long k && k < _totalRows) notes.Add($"random subset of {k} of {_totalRows} rows (seed {_options.Seed})");
        if (_plan.LabelName is not null) notes.Add($"labels from '{_plan.LabelName}'");
        FeatureNames = _plan.FeatureNames;
        Header = new SourceHeader(path, "csv") { Notes = notes.ToArray(), Skipped = _plan.Skipped.ToArray() };
    }

    public int Features => _plan.Features.Length;

    public SourceHeader Header { get; }

    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>Data rows in the file, when a subset or a shard made the source count them.</summary>
    public long? TotalRows => _totalRows;

    /// <summary>The data rows [Start, End) this read covers: all of them, or the shard's.</summary>
    private (long Start, long End) RowRange => _options.Shard is { } shard ? shard.Range(_totalRows!.Value) : (0, _totalRows ?? long.MaxValue);

    /// <summary>The record cap: the option, else the default, lowered so the buffer takes at most an eighth of what the budget has left.</summary>
    private static int RecordCap(int? requested)
    {
        if (requested is int r) return Math.Max(CsvRecords.MinRecordChars, r);
        long affordable = MemoryBudget.Current.Available / 16;
        return (int)Math.Clamp(affordable, CsvRecords.MinRecordChars, CsvRecords.DefaultMaxRecordChars);
    }

    // The cells of a probed record, as many as the first record has (a ragged record is reported when it is read).
    private string?[] Cells(CsvRecords records)
    {
        var cells = new string?[_width];
        for (int i = 0; i < Math.Min(_width, records.Fields); i++) cells[i] = records.Field(i).ToString();
        return cells;
    }

    private long CountRows()
    {
        using var _ = MemoryBudget.Current.Reserve(CsvRecords.BufferBytes(_maxRecordChars), "the CSV reader's record buffer", _path);
        using var records = CsvRecords.Open(_path, _maxRecordChars);
        long rows = 0;
        if (_hasHeader) records.Read();
        while (records.Read()) rows++;
        return rows;
    }

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (maxRowsPerChunk <= 0) throw new ArgumentOutOfRangeException(nameof(maxRowsPerChunk));
        ColumnMeans.Prepare(_options.Nulls, summary, ref _means, () => ComputeMeans(cancellationToken));
        return Enumerate(maxRowsPerChunk, summary, progress, cancellationToken);
    }

    private IEnumerable<RowChunk> Enumerate(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress, CancellationToken ct)
    {
        int d = Features;
        long chunkValues = (long)maxRowsPerChunk * d;
        long chunkBytes = chunkValues * 8 + maxRowsPerChunk * 8L + (_plan.Label is null ? 0 : maxRowsPerChunk * 8L);
        // Checked and held before the buffers exist: a chunk size times a wide table can be more than the run may hold.
        using var reservation = MemoryBudget.Current.Reserve(chunkBytes + CsvRecords.BufferBytes(_maxRecordChars),
            $"a chunk of {maxRowsPerChunk} rows × {d} features and the CSV reader's record buffer", _path);
        var values = new double[chunkValues];
        var keys = new long[maxRowsPerChunk];
        var labels = _plan.Label is null ? null : new string?[maxRowsPerChunk];
        var namer = new RowNamer(_name);
        var hash = _options.HashContent ? new ContentHash() : null;
        var nullMask = new bool[d];
        var nullRows = new NullRows(_options.Nulls, _means);
        int filled = 0;
        long read = 0;
        bool any = false;
        using (var records = CsvRecords.Open(_path, _maxRecordChars, hash))
        {
            foreach (long index in Selected(records, ct))
            {
                var row = values.AsSpan(filled * d, d);
                int nulls = Parse(records, row, nullMask);
                read++;
                if (nulls > 0)
                {
                    if (_options.Nulls == NullPolicy.Error)
                    {
                        int j = Array.IndexOf(nullMask, true);
                        throw SpectraException.Naming(SpectraErrorKind.InvalidInput, $"empty cell in column '{FeatureNames![j]}'", ["nulls"], _path,
                            Where(records.Line),
                            "choose a null policy: drop the rows ({nulls=drop-row}) or impute the column mean ({nulls=mean-impute})");
                    }
                    if (!nullRows.Keep(row, nullMask, nulls)) continue;
                }
                any = true;
                keys[filled] = index;
                if (labels is not null) labels[filled] = Label(records);
                if (++filled == maxRowsPerChunk)
                {
                    progress?.Report(new SpectraProgress("read", read, _totalRows ?? 0, _name));
                    yield return new RowChunk(values, filled, d, namer, keys, labels) { Identities = keys };
                    // The consumer is done with a chunk when it asks for the next (RowChunk allows reuse): refill the same buffers.
                    filled = 0;
                }
            }
            if (hash is not null) records.Drain();
        }
        if (filled > 0) yield return new RowChunk(values, filled, d, namer, keys, labels) { Identities = keys };
        progress?.Report(new SpectraProgress("read", read, _totalRows ?? read, _name));
        if (hash is not null) summary.ContentHash = hash.HexDigestAndReset();
        if (any) summary.Contributed(_name);
        summary.Files = any ? 1 : 0;
        nullRows.Report(summary);
    }

    /// <summary>
    /// Moves <paramref name="records"/> to each data row this read takes and yields its index among all data
    /// rows: the shard's range, thinned by the sampler, which draws for every row before the range as a whole read would.
    /// </summary>
    private IEnumerable<long> Selected(CsvRecords records, CancellationToken ct)
    {
        var (start, end) = RowRange;
        var sampler = new RowSampler(_totalRows ?? long.MaxValue, _options.MaxRows, _options.Seed);
        if (_hasHeader) records.Read();
        for (long index = 0; index < end && records.Read(); index++)
        {
            if ((index & 1023) == 0) ct.ThrowIfCancellationRequested();
            bool take = sampler.Next();
            if (index < start || !take) continue;
            if (records.Fields != _width)
                throw SpectraException.Invalid(
                    string.Create(CultureInfo.InvariantCulture, $"the record has {records.Fields} fields, the {(_hasHeader ? "header" : "first record")} has {_width}"),
                    _path, Where(records.Line), "every record needs the same number of fields; quote a cell that holds the delimiter");
            yield return index;
        }
    }

    // Writes the selected cells of the current record; returns how many are empty (marked in nullMask).
    private int Parse(CsvRecords records, Span<double> row, bool[] nullMask)
    {
        int nulls = 0;
        var columns = _plan.Features;
        for (int k = 0; k < columns.Length; k++)
        {
            var cell = records.Field(columns[k]);
            if (CsvCells.TryParse(cell, out row[k]))
            {
                nullMask[k] = false;
                continue;
            }
            if (!CsvCells.IsEmpty(cell))
                throw SpectraException.Naming(SpectraErrorKind.InvalidInput, $"{CsvCells.Quote(cell)} is not a number", ["columns"], _path,
                    $"{Where(records.Line)}, column \"{_plan.FeatureNames[k]}\"",
                    "leave the column out of the selection ({columns}) or fix the file");
            row[k] = 0;
            nullMask[k] = true;
            nulls++;
        }
        return nulls;
    }

    private string? Label(CsvRecords records)
    {
        var cell = records.Field(_plan.Label!.Value).Trim();
        return cell.IsEmpty ? null : cell.ToString();
    }

    private double[] ComputeMeans(CancellationToken ct)
    {
        var means = new ColumnMeans(Features);
        var row = new double[Features];
        var mask = new bool[Features];
        using (MemoryBudget.Current.Reserve(CsvRecords.BufferBytes(_maxRecordChars), "the CSV reader's record buffer", _path))
        using (var records = CsvRecords.Open(_path, _maxRecordChars))
            foreach (var _ in Selected(records, ct))
            {
                Parse(records, row, mask);
                means.Add(row, mask);
            }
        return means.Means(FeatureNames!, "empty", _path);
    }

    private static string Where(long line) => "line " + line.ToString(CultureInfo.InvariantCulture);

    private sealed class RowNamer(string file) : IRowNamer
    {
        public string Name(long key) => string.Create(CultureInfo.InvariantCulture, $"{file}#row {key}");
    }
}
