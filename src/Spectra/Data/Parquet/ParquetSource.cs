namespace Spectra.Data.Parquet;

/// <summary>
/// A Parquet file, a folder of them (Hive-style <c>key=value</c> folders become columns), or several of either, as a
/// stream of row chunks: one row group's selected columns at a time are decoded, turned into
/// row-major doubles with row names ("file.parquet#row 123") and labels, and passed on.
/// </summary>
internal sealed partial class ParquetSource : IDataSource, IRowCountHint
{
    private readonly ParquetSourceOptions _options;
    private readonly ParquetReadOptions _readOptions;
    private readonly List<ParquetInputFile> _files;
    private readonly SourcePlan _plan;
    private readonly long _totalRows;
    private double[]? _means;
    private (string Path, int RowGroup, ParquetColumnData Data)? _listProbe;
    private readonly Func<string, ParquetReadOptions, IParquetReader> _openReader;

    public ParquetSource(string path, ParquetSourceOptions? options = null)
        : this([path], options)
    {
    }

    /// <summary>One table of the rows of every path (files and folders of files, in the order given), all with the first file's selected columns.</summary>
    public ParquetSource(IReadOnlyList<string> paths, ParquetSourceOptions? options = null)
        : this(paths, options, static (file, readOptions) => ParquetFile.Open(file, readOptions))
    {
    }

    /// <summary>The same source over another <see cref="IParquetReader"/> implementation (the seam a library reader plugs into).</summary>
    public ParquetSource(string path, ParquetSourceOptions? options, Func<string, ParquetReadOptions, IParquetReader> openReader)
        : this([path], options, openReader)
    {
    }

    private ParquetSource(IReadOnlyList<string> paths, ParquetSourceOptions? options, Func<string, ParquetReadOptions, IParquetReader> openReader)
    {
        if (paths.Count == 0) throw new ArgumentException("no path given", nameof(paths));
        var path = InputPaths.Describe(paths);
        ArgumentNullException.ThrowIfNull(openReader);
        _openReader = openReader;
        _options = options ?? new ParquetSourceOptions();
        if (_options.MaxRows is <= 0)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"MaxRows must be positive, got {_options.MaxRows}");
        if (_options.Shard is not null && _options.Nulls == NullPolicy.MeanImpute)
            throw SpectraException.Naming(SpectraErrorKind.InvalidOption, "mean imputation needs the whole dataset's column means, which one shard does not have", ["nulls"], path,
                hint: "drop the rows with nulls ({nulls=drop-row}), or impute them before sharding");
        _readOptions = new ParquetReadOptions { MemoryLimitBytes = _options.MemoryLimitBytes, VerifyChecksums = _options.VerifyChecksums };
        _path = path;
        var notes = new List<string>();
        _files = ParquetInputFile.Discover(paths, Open);
        var first = _files[0];
        using (var f = Open(first.Path))
        {
            _plan = ColumnSelection.Resolve(f.Schema, first.Partitions.Select(p => p.Key).ToList(), _options, first.Path);
            if (_options.Columns is null) _plan = WithoutRowIds(_plan, f, notes);
        }
        foreach (var file in _files.Skip(1)) CheckSchema(file);
        _totalRows = _files.Sum(f => f.Rows);
        if (_plan.List is not null) _plan = _plan with { ListWidth = FindListWidth() };
        FeatureNames = _plan.FeatureNames;
        notes.Add($"{_plan.Features} features from {(_plan.Scalars.Count > 0 ? _plan.Scalars.Count + " columns" : "")}" +
            $"{(_plan.Scalars.Count > 0 && _plan.List is not null ? " and " : "")}{(_plan.List is not null ? $"list column '{_plan.List.Name}' ({_plan.ListWidth} values per row)" : "")}" +
            $" of {_plan.ColumnsInFile} leaf columns");
        if (_options.MaxRows is long k && k < _totalRows) notes.Add($"random subset of {k} of {_totalRows} rows (seed {_options.Seed})");
        if (_plan.Label is not null) notes.Add($"labels from '{_plan.Label.Name}'");
        Header = new SourceHeader(path, "parquet") { Notes = notes.ToArray(), Skipped = _plan.Skipped.ToArray() };
    }

    private readonly string _path;

    /// <summary>The default selection without row ids (<see cref="RowIdColumns"/>), each named in a note; an explicit selection keeps them.</summary>
    private static SourcePlan WithoutRowIds(SourcePlan plan, IParquetReader file, List<string> notes)
    {
        var ids = RowIdColumns.Find(file, plan.Scalars);
        if (ids.Count == 0 || ids.Count == plan.Scalars.Count && plan.List is null) return plan;
        foreach (var id in ids)
            notes.Add($"column '{id.Name}' left out: its integers increase strictly, as a row id's do (name it in the column selection to analyse it)");
        var skipped = plan.Skipped.Concat(ids.Select(id => new SkippedItem(id.Name, "row id (strictly increasing integers)"))).ToList();
        return plan with { Scalars = plan.Scalars.Except(ids).ToList(), Skipped = skipped };
    }

    public int Features => _plan.Features;

    public SourceHeader Header { get; }

    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>Rows in the input before sampling and null handling.</summary>
    public long TotalRows => _totalRows;

    long IRowCountHint.ExpectedRows => _options.Shard is null ? Math.Min(_totalRows, _options.MaxRows ?? long.MaxValue) : ShardRows;

    private long ShardRows
    {
        get
        {
            var (start, end) = GroupRange;
            return _files.Sum(f => f.GroupRows.Where((_, g) => f.FirstGroup + g >= start && f.FirstGroup + g < end).Sum());
        }
    }

    private IParquetReader Open(string path) => _openReader(path, _readOptions);

    /// <summary>The row groups [Start, End) this read covers, among every file's: all of them, or the shard's.</summary>
    private (long Start, long End) GroupRange
    {
        get
        {
            long total = _files.Count == 0 ? 0 : _files[^1].FirstGroup + _files[^1].GroupRows.Length;
            return _options.Shard is { } shard ? shard.Range(total) : (0, total);
        }
    }

    private void CheckSchema(ParquetInputFile file)
    {
        using var f = Open(file.Path);
        foreach (var s in _plan.Scalars)
        {
            if (s.Column is not null) Require(f, file, s.Column);
            else if (!file.Partitions.Any(p => p.Key == s.PartitionKey))
                throw SpectraException.Invalid($"the file has no partition folder '{s.PartitionKey}=…'", file.Path, hint: "every file must sit under the same partition keys");
        }
        if (_plan.List is not null) Require(f, file, _plan.List);
        if (_plan.Label?.Column is not null) Require(f, file, _plan.Label.Column);
    }

    private static void Require(IParquetReader f, ParquetInputFile file, ParquetColumn expected)
    {
        var c = f.Schema.Columns.FirstOrDefault(x => x.Path == expected.Path);
        if (c is null || c.Use != expected.Use)
            throw SpectraException.Invalid(c is null ? $"column '{expected.Path}' is missing" : $"column '{expected.Path}' is {c.TypeDescription} here but {expected.TypeDescription} in the first file",
                file.Path, hint: "all files of a folder must share the selected columns");
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
        if (chunkValues * 8 > _options.MemoryLimitBytes)
            throw new SpectraException(SpectraErrorKind.LimitExceeded, $"a chunk of {maxRowsPerChunk} rows × {d} features exceeds the memory limit",
                _path, hint: "use smaller chunks or raise the memory limit");
        var values = new double[chunkValues];
        // Rows are named on demand from (file, row) keys: a million rows need no million strings.
        // The keys are also the rows' stable identities (file, row in file), whether the dataset is read whole or as a shard.
        var keys = new long[maxRowsPerChunk];
        var namer = new RowNamer(_files);
        var labels = _plan.Label is null ? null : new string?[maxRowsPerChunk];
        int filled = 0;
        var hash = new ContentHash();
        // Files are hashed in order on a background chain while their row groups decode.
        Task hashing = Task.CompletedTask;
        ParquetInputFile? lastFile = null;
        var contributing = new HashSet<string>();
        var nullMask = new bool[d];
        var nullRows = new NullRows(_options.Nulls, _means);
        foreach (var group in Groups(progress, ct))
        {
            if (!ReferenceEquals(group.File, lastFile) && _options.HashContent)
            {
                lastFile = group.File;
                string path = group.File.Path;
                hashing = hashing.ContinueWith(previous =>
                {
                    previous.GetAwaiter().GetResult();
                    HashFile(hash, path);
                }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
            bool any = false;
            if (IsClean(group))
            {
                // No nulls and no ragged lists in this group: fill whole blocks column by column.
                var kept = group.KeptRows;
                for (int k0 = 0; k0 < kept.Count;)
                {
                    int m = Math.Min(kept.Count - k0, maxRowsPerChunk - filled);
                    FillBlock(group, kept, k0, m, values, filled);
                    for (int t = 0; t < m; t++)
                    {
                        int r = kept[k0 + t];
                        keys[filled + t] = RowNamer.Key(group.File.Index, group.FirstRow + r);
                        if (labels is not null) labels[filled + t] = Label(group, r);
                    }
                    any = true;
                    k0 += m;
                    filled += m;
                    if (filled == maxRowsPerChunk)
                    {
                        yield return Chunk(values, filled, d, namer, keys, labels);
                        filled = 0;
                    }
                }
                if (any && contributing.Add(group.File.Path)) summary.Contributed(group.File.DisplayName);
                continue;
            }
            foreach (int r in group.KeptRows)
            {
                var row = values.AsSpan(filled * d, d);
                int nulls = FillRow(group, r, row, nullMask);
                if (nulls > 0)
                {
                    if (_options.Nulls == NullPolicy.Error)
                    {
                        int j = Array.IndexOf(nullMask, true);
                        // The hint names the option by key, for each front end to spell (--nulls drop-row, Nulls(NullPolicy.DropRow)).
                        throw SpectraException.Naming(SpectraErrorKind.InvalidInput, $"null value in column '{FeatureNames![j]}'", ["nulls"], group.File.Path,
                            $"row group {group.RowGroup}, row {group.FirstRow + r}",
                            "choose a null policy: drop the rows ({nulls=drop-row}) or impute the column mean ({nulls=mean-impute})");
                    }
                    if (!nullRows.Keep(row, nullMask, nulls)) continue;
                }
                any = true;
                keys[filled] = RowNamer.Key(group.File.Index, group.FirstRow + r);
                if (labels is not null) labels[filled] = Label(group, r);
                if (++filled == maxRowsPerChunk)
                {
                    yield return Chunk(values, filled, d, namer, keys, labels);
                    // The consumer is done with a chunk when it asks for the next (RowChunk allows reuse): refill the same buffers.
                    filled = 0;
                }
            }
            if (any && contributing.Add(group.File.Path)) summary.Contributed(group.File.DisplayName);
        }
        if (filled > 0) yield return Chunk(values, filled, d, namer, keys, labels);
        try
        {
            hashing.GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new SpectraException(SpectraErrorKind.Io, "read error while hashing: " + e.Message, _path);
        }
        if (_options.HashContent) summary.ContentHash = hash.HexDigestAndReset();
        summary.Files = contributing.Count;
        nullRows.Report(summary);
    }

    private RowChunk Chunk(double[] values, int rows, int d, RowNamer namer, long[] keys, string?[]? labels) =>
        _options.RowIds
            ? new RowChunk(values, rows, d, namer, keys, labels) { Identities = keys }
            : new RowChunk(values, rows, d, (string[]?)null, labels) { Identities = keys };

    // "file.parquet#row 123" from the file's index (high bits) and the row within the file.
    private sealed class RowNamer(IReadOnlyList<ParquetInputFile> files) : IRowNamer
    {
        private const int RowBits = 40;

        public static long Key(int file, long row) => ((long)file << RowBits) | row;

        public string Name(long key)
        {
            string file = files[(int)(key >> RowBits)].DisplayName;
            long row = key & ((1L << RowBits) - 1);
            return string.Create(CultureInfo.InvariantCulture, $"{file}#row {row}");
        }
    }

    private static void HashFile(ContentHash hash, string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        int n;
        while ((n = s.Read(buffer)) > 0) hash.Append(buffer.AsSpan(0, n));
    }

}
