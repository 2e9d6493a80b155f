using System.Runtime.CompilerServices;
using System.Globalization;

namespace Spectra.Data.Parquet;

/// <summary>
/// A Parquet file, a folder of them (Hive-style <c>key=value</c> folders become columns), or several of either, as a
/// stream of row chunks: one row group's selected columns at a time are decoded, turned into
/// row-major doubles with row names ("file.parquet#row 123") and labels, and passed on.
/// </summary>
internal sealed class ParquetSource : IDataSource, IRowCountHint
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

    // The list width d must be known before the first chunk: the first non-null list row decides it.
    private int FindListWidth()
    {
        var list = _plan.List!;
        foreach (var file in _files)
        {
            using var f = Open(file.Path);
            var col = f.Schema.Columns.First(c => c.Path == list.Path);
            for (int g = 0; g < f.RowGroupCount; g++)
            {
                if (ProbeStreams(f, g, col, out long entries))
                {
                    if (FirstWidth(f, file, g, col, entries) is int found) return found;
                    continue;
                }
                var data = f.ReadColumn(g, col);
                for (int r = 0; r < data.Rows; r++)
                    if (!data.RowIsNull![r])
                    {
                        int width = data.Offsets![r + 1] - data.Offsets[r];
                        if (width == 0)
                            throw SpectraException.Invalid($"row {r} of list column '{list.Name}' is empty; every row needs the same number of values",
                                file.Path, $"row group {g}, row {r}");
                        _listProbe = (file.Path, g, data); // decoded once: the first pass takes it from here
                        return width;
                    }
            }
        }
        throw new SpectraException(SpectraErrorKind.NotEnoughData, $"list column '{list.Name}' holds no non-null row", _files[0].Path);
    }

    // Whether the list chunk alone, decoded, passes the read-ahead bound: its row group will be streamed,
    // so the probe reads slices up to the first non-null row instead of the whole chunk (and keeps nothing).
    private bool ProbeStreams(IParquetReader f, int g, ParquetColumn col, out long entries)
    {
        entries = f is ParquetFile pf && pf.ChunkValues(g, col) is long v ? v : 0;
        return f.ReadsSlices && entries * 8 > Math.Min(ReadAheadBytes, _options.MemoryLimitBytes / 2);
    }

    private int? FirstWidth(IParquetReader f, ParquetInputFile file, int g, ParquetColumn col, long entries)
    {
        int rows = (int)f.RowGroupRows(g);
        if (rows == 0) return null;
        int step = (int)Math.Clamp(Math.Min(SliceBytes, _options.MemoryLimitBytes / 8) / 8 / Math.Max(1, entries / rows), 1, rows);
        using var slices = f.OpenSlices(g, col);
        for (int start = 0; start < rows; start += step)
        {
            var data = slices.Next(Math.Min(step, rows - start));
            for (int r = 0; r < data.Rows; r++)
                if (!data.RowIsNull![r])
                {
                    int width = data.Offsets![r + 1] - data.Offsets[r];
                    if (width == 0)
                        throw SpectraException.Invalid($"row {start + r} of list column '{_plan.List!.Name}' is empty; every row needs the same number of values",
                            file.Path, $"row group {g}, row {start + r}");
                    return width;
                }
        }
        return null;
    }

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (maxRowsPerChunk <= 0) throw new ArgumentOutOfRangeException(nameof(maxRowsPerChunk));
        if (_options.Nulls == NullPolicy.MeanImpute)
        {
            _means ??= ComputeMeans(cancellationToken);
            summary.Notes.Add("mean imputation: column means from a first pass over the selected columns");
        }
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
        long dropped = 0, imputedValues = 0, imputedRows = 0;
        var hash = new ContentHash();
        // Files are hashed in order on a background chain while their row groups decode.
        Task hashing = Task.CompletedTask;
        ParquetInputFile? lastFile = null;
        var contributing = new HashSet<string>();
        var nullMask = new bool[d];
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
                    switch (_options.Nulls)
                    {
                        case NullPolicy.Error:
                            int j = Array.IndexOf(nullMask, true);
                            // The hint names the option by key, for each front end to spell (--nulls drop-row, Nulls(NullPolicy.DropRow)).
                            throw SpectraException.Naming(SpectraErrorKind.InvalidInput, $"null value in column '{FeatureNames![j]}'", ["nulls"], group.File.Path,
                                $"row group {group.RowGroup}, row {group.FirstRow + r}",
                                "choose a null policy: drop the rows ({nulls=drop-row}) or impute the column mean ({nulls=mean-impute})");
                        case NullPolicy.DropRow:
                            dropped++;
                            continue;
                        default:
                            for (int k = 0; k < d; k++) if (nullMask[k]) row[k] = _means![k];
                            imputedValues += nulls;
                            imputedRows++;
                            break;
                    }
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
        summary.DroppedRows = dropped;
        if (dropped > 0) summary.Notes.Add($"dropped {dropped} rows with nulls");
        if (imputedValues > 0) summary.Notes.Add($"mean-imputed {imputedValues} null values in {imputedRows} rows");
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

    private double[] ComputeMeans(CancellationToken ct)
    {
        int d = Features;
        var sum = new double[d];
        var count = new long[d];
        var row = new double[d];
        var mask = new bool[d];
        foreach (var group in Groups(null, ct))
            foreach (int r in group.KeptRows)
            {
                FillRow(group, r, row, mask);
                for (int k = 0; k < d; k++)
                    if (!mask[k])
                    {
                        sum[k] += row[k];
                        count[k]++;
                    }
            }
        var means = new double[d];
        for (int k = 0; k < d; k++)
        {
            if (count[k] == 0)
                throw new SpectraException(SpectraErrorKind.NotEnoughData, $"column '{FeatureNames![k]}' is null in every row read; it has no mean to impute",
                    _path, hint: "deselect the column");
            means[k] = sum[k] / count[k];
        }
        return means;
    }

    private sealed record Group(ParquetInputFile File, int RowGroup, long FirstRow, List<int> KeptRows, ParquetColumnData?[] Scalars,
        double[] PartitionValues, ParquetColumnData? List, ParquetColumnData? Label);

    // Decoded columns of one row group.
    private sealed record Decoded(ParquetColumnData?[] Scalars, ParquetColumnData? List, ParquetColumnData? Label);

    // Largest row group (selected columns, decoded) read ahead in the background while the previous one is consumed.
    private const long ReadAheadBytes = 256L << 20;

    private IEnumerable<Group> Groups(IProgress<SpectraProgress>? progress, CancellationToken ct)
    {
        var sampler = new RowSampler(_totalRows, _options.MaxRows, _options.Seed);
        long read = 0;
        var (shardStart, shardEnd) = GroupRange;
        foreach (var file in _files)
        {
            // The row groups of this file the read covers; the sampler passes over the others' rows as a whole read would.
            int groupCount = file.GroupRows.Length;
            int from = (int)Math.Clamp(shardStart - file.FirstGroup, 0, groupCount), to = (int)Math.Clamp(shardEnd - file.FirstGroup, 0, groupCount);
            bool inside = groupCount > 0 ? from < to : file.FirstGroup >= shardStart && file.FirstGroup < shardEnd || _options.Shard is null;
            if (!inside)
            {
                sampler.Skip(file.Rows);
                continue;
            }
            sampler.Skip(file.GroupRows.Take(from).Sum());
            using var f = Open(file.Path);
            var partitionValues = PartitionValues(file);
            var columns = _plan.Scalars.Select(s => s.Column is null ? null : f.Schema.Columns.First(c => c.Path == s.Column.Path)).ToArray();
            var listCol = _plan.List is null ? null : f.Schema.Columns.First(c => c.Path == _plan.List.Path);
            var labelCol = _plan.Label?.Column is null ? null : f.Schema.Columns.First(c => c.Path == _plan.Label.Column.Path);
            if (f.RowGroupCount == 0) yield return new Group(file, 0, 0, new List<int>(), [], partitionValues, null, null);

            List<int> Keep(int g, bool streamed = false)
            {
                // Before a list of `rows` indices is made: the row count is borne out by the column chunks,
                // and what the rows would take must fit in the run's memory budget (a streamed group's
                // decoded rows are one slice at a time).
                var rows = RowGroupRows.Checked(f, g, columns.Append(listCol).Append(labelCol));
                long decodedRows = streamed ? Math.Min(rows, SliceRows) : rows;
                if (!sampler.IsSampling)
                    MemoryBudget.Current.Check(rows * 4.0 + decodedRows * 8.0 * Features, $"row group {g} ({rows} rows × {Features} features)", file.Path);
                List<int> kept;
                if (sampler.IsSampling)
                {
                    kept = new List<int>();
                    for (int r = 0; r < rows; r++) if (sampler.Next()) kept.Add(r);
                }
                else
                {
                    kept = new List<int>(rows);
                    System.Runtime.InteropServices.CollectionsMarshal.SetCount(kept, rows);
                    var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept);
                    for (int r = 0; r < rows; r++) all[r] = r;
                }
                long bytes = (streamed ? Math.Min(kept.Count, SliceRows) : kept.Count) * (long)Features * 8;
                if (bytes > _options.MemoryLimitBytes)
                    throw new SpectraException(SpectraErrorKind.LimitExceeded, $"row group {g} needs {bytes} bytes for its selected columns, over the memory limit",
                        file.Path, $"row group {g}", "raise the memory limit or rewrite the file with smaller row groups");
                return kept;
            }

            Decoded Read(int g, List<int> kept, Decoded? recycle)
            {
                var scalars = new ParquetColumnData?[columns.Length];
                ParquetColumnData? list = null, label = null;
                if (kept.Count > 0)
                {
                    ReadScalars(f, g, columns, scalars, recycle?.Scalars);
                    if (listCol is not null)
                        list = _listProbe is { } probe && probe.Path == file.Path && probe.RowGroup == g ? probe.Data : f.ReadColumn(g, listCol, recycle?.List);
                    if (labelCol is not null) label = f.ReadColumn(g, labelCol);
                }
                return new Decoded(scalars, list, label);
            }

            // Row group g is consumed while g + 1 decodes. A group's buffers are free once the consumer
            // asks for the next group; each free set is reused by exactly one later read, or pooled.
            long firstRow = file.GroupRows.Take(from).Sum();
            Decoded? last = null;
            Task<Decoded>? ahead = null;
            List<int>? aheadKept = null;
            try
            {
                for (int g = from; g < to; g++)
                {
                    ct.ThrowIfCancellationRequested();
                    var free = last;
                    last = null;
                    if (Streams(f, g))
                    {
                        // Too large to decode whole (and so never read ahead): handed on a slice of rows at a time.
                        Release(free);
                        var streamedKept = Keep(g, streamed: true);
                        foreach (var slice in Slices(file, f, g, firstRow, streamedKept, columns, listCol, labelCol, partitionValues))
                            yield return slice;
                        firstRow += f.RowGroupRows(g);
                        read += f.RowGroupRows(g);
                        progress?.Report(new SpectraProgress("read", read, _totalRows, file.DisplayName));
                        continue;
                    }
                    List<int> kept;
                    Decoded current;
                    if (ahead is not null)
                    {
                        kept = aheadKept!;
                        var pending = ahead;
                        ahead = null;
                        current = pending.GetAwaiter().GetResult();
                    }
                    else
                    {
                        kept = Keep(g);
                        current = Read(g, kept, free);
                        free = null;
                    }
                    if (_listProbe is { } passed && passed.Path == file.Path && passed.RowGroup == g) _listProbe = null;
                    if (g + 1 < to && ReadAheadFits(f, g + 1))
                    {
                        int next = g + 1;
                        var nextKept = aheadKept = Keep(next);
                        var recycle = free;
                        free = null;
                        ahead = Task.Run(() => Read(next, nextKept, recycle), ct);
                    }
                    Release(free);
                    last = current;
                    yield return new Group(file, g, firstRow, kept, current.Scalars, partitionValues, current.List, current.Label);
                    firstRow += f.RowGroupRows(g);
                    read += f.RowGroupRows(g);
                    progress?.Report(new SpectraProgress("read", read, _totalRows, file.DisplayName));
                }
            }
            finally
            {
                // The file closes when this block ends: a read still running against it must finish first.
                if (ahead is not null)
                {
                    try { Release(ahead.GetAwaiter().GetResult()); }
                    catch (Exception) { } // the error belongs to a group nobody asked for
                }
                Release(last);
            }
            sampler.Skip(file.GroupRows.Skip(to).Sum());
        }
    }

    private static void Release(Decoded? decoded)
    {
        if (decoded is null) return;
        foreach (var c in decoded.Scalars) ColumnBuffers.Return(c);
        ColumnBuffers.Return(decoded.List);
        ColumnBuffers.Return(decoded.Label);
    }

    private bool ReadAheadFits(IParquetReader f, int g) =>
        f.RowGroupRows(g) * Features * 8L <= Math.Min(ReadAheadBytes, _options.MemoryLimitBytes / 2);

    // A row group whose decoded rows would not fit the read-ahead bound is decoded a slice at a time.
    private bool Streams(IParquetReader f, int g) => f.ReadsSlices && !ReadAheadFits(f, g);

    // Rows per slice of a streamed row group: about SliceBytes of decoded rows (as the chunk's doubles), at least one.
    private int SliceRows => (int)Math.Clamp(Math.Min(SliceBytes, _options.MemoryLimitBytes / 8) / (8L * Math.Max(1, Features)), 1, int.MaxValue);

    private const long SliceBytes = 16L << 20;

    // The rows of a streamed row group as groups of one slice each (row indices relative to the slice's
    // first row, which FirstRow names), with the kept rows that fall in each slice.
    private IEnumerable<Group> Slices(ParquetInputFile file, IParquetReader f, int g, long firstRow, List<int> kept,
        ParquetColumn?[] columns, ParquetColumn? listCol, ParquetColumn? labelCol, double[] partitionValues)
    {
        if (kept.Count == 0)
        {
            yield return new Group(file, g, firstRow, kept, new ParquetColumnData?[columns.Length], partitionValues, null, null);
            yield break;
        }
        int rows = (int)f.RowGroupRows(g), step = SliceRows, k = 0;
        using var slices = new RowGroupSlices(f, g, columns, listCol, labelCol, _options.Parallelism ?? Environment.ProcessorCount);
        for (int start = 0; start < rows; start += step)
        {
            int count = Math.Min(step, rows - start);
            var (scalars, list, label) = slices.Next(count);
            var local = new List<int>();
            for (; k < kept.Count && kept[k] < start + count; k++) local.Add(kept[k] - start);
            // Every slice is decoded, kept rows or not: a damaged page is reported as a whole read would report it.
            if (local.Count > 0) yield return new Group(file, g, firstRow + start, local, scalars, partitionValues, list, label);
        }
    }

    // Column chunks decode independently, so a row group's columns are read in parallel; the first
    // error in column order is the one reported, whatever the scheduling.
    private void ReadScalars(IParquetReader f, int g, ParquetColumn?[] columns, ParquetColumnData?[] into, ParquetColumnData?[]? previous)
    {
        int parallelism = Math.Min(_options.Parallelism ?? Environment.ProcessorCount, columns.Length);
        if (parallelism <= 1)
        {
            for (int k = 0; k < columns.Length; k++)
                if (columns[k] is not null) into[k] = f.ReadColumn(g, columns[k]!, previous?[k]);
            return;
        }
        var errors = new Exception?[columns.Length];
        Parallel.For(0, columns.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, k =>
        {
            if (columns[k] is null) return;
            try
            {
                into[k] = f.ReadColumn(g, columns[k]!, previous?[k]);
            }
            catch (Exception e)
            {
                errors[k] = e;
            }
        });
        var first = errors.FirstOrDefault(e => e is not null);
        if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
    }

    private double[] PartitionValues(ParquetInputFile file)
    {
        var result = new double[_plan.Scalars.Count];
        for (int k = 0; k < result.Length; k++)
        {
            var key = _plan.Scalars[k].PartitionKey;
            if (key is null) continue;
            string text = file.Partitions.First(p => p.Key == key).Value;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result[k]))
                throw SpectraException.Invalid($"partition value '{key}={text}' is not a number", file.Path,
                    hint: "use a numeric partition key as a feature, or this one as the label column");
        }
        return result;
    }

    private bool IsClean(Group g)
    {
        if (g.KeptRows.Count == 0) return false;
        foreach (var data in g.Scalars) if (data is not null && data.NullCount > 0) return false;
        if (g.List is { } list)
        {
            if (list.NullCount > 0) return false;
            var offsets = list.Offsets!;
            var rowNull = list.RowIsNull!;
            int width = _plan.ListWidth;
            for (int r = 0; r < list.Rows; r++)
                if (rowNull[r] || offsets[r + 1] - offsets[r] != width) return false;
        }
        return true;
    }

    // Rows kept[k0 … k0+m) of a clean group into chunk rows filled … filled+m, column by column (contiguous reads).
    // Runs of eight float columns go through the register transpose, runs of four of one type four at a
    // time (each row's four values land in one cache line); any other column on its own, so one odd
    // column (an INT id beside float features) does not send the rest down the slow path.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillBlock(Group g, List<int> kept, int k0, int m, double[] values, int filled)
    {
        int d = Features, count = _plan.Scalars.Count, r0 = kept[k0];
        bool contiguous = kept[k0 + m - 1] - r0 == m - 1;
        var chunk = values.AsSpan();
        var cols = g.Scalars;
        for (int s = 0; s < count;)
        {
            int at = filled * d + s;
            if (contiguous && s + 8 <= count && AllStored(cols, s, 8, singles: true))
            {
                ColumnInterleaver.Singles8(Floats(cols, s, r0, m), Floats(cols, s + 1, r0, m), Floats(cols, s + 2, r0, m), Floats(cols, s + 3, r0, m),
                    Floats(cols, s + 4, r0, m), Floats(cols, s + 5, r0, m), Floats(cols, s + 6, r0, m), Floats(cols, s + 7, r0, m), chunk, at, d);
                s += 8;
            }
            else if (contiguous && s + 4 <= count && AllStored(cols, s, 4, singles: true))
            {
                ColumnInterleaver.Any4(Floats(cols, s, r0, m), Floats(cols, s + 1, r0, m), Floats(cols, s + 2, r0, m), Floats(cols, s + 3, r0, m), chunk, at, d);
                s += 4;
            }
            else if (contiguous && s + 4 <= count && AllStored(cols, s, 4, singles: false))
            {
                ColumnInterleaver.Any4(Doubles(cols, s, r0, m), Doubles(cols, s + 1, r0, m), Doubles(cols, s + 2, r0, m), Doubles(cols, s + 3, r0, m), chunk, at, d);
                s += 4;
            }
            else
            {
                var data = cols[s];
                if (data is null)
                {
                    double v = g.PartitionValues[s];
                    for (int t = 0; t < m; t++) values[at + t * d] = v;
                }
                else if (contiguous && data.Singles is { } f)
                {
                    var from = f.AsSpan(r0, m);
                    for (int t = 0; t < m; t++) values[at + t * d] = from[t];
                }
                else if (contiguous)
                {
                    var from = data.Values.AsSpan(r0, m);
                    for (int t = 0; t < m; t++) values[at + t * d] = from[t];
                }
                else for (int t = 0; t < m; t++) values[at + t * d] = data.ValueAt(kept[k0 + t]);
                s++;
            }
        }
        if (g.List is { } list)
        {
            int width = _plan.ListWidth;
            for (int t = 0; t < m; t++)
                list.CopyTo(list.Offsets![kept[k0 + t]], values.AsSpan((filled + t) * d + count, width));
        }
    }

    // Columns s … s+n−1 are all read from the file and all held as floats (or all as doubles).
    private static bool AllStored(ParquetColumnData?[] cols, int s, int n, bool singles)
    {
        for (int k = s; k < s + n; k++)
            if (cols[k] is not { } c || (c.Singles is not null) != singles) return false;
        return true;
    }

    private static ReadOnlySpan<float> Floats(ParquetColumnData?[] cols, int s, int r0, int m) => cols[s]!.Singles.AsSpan(r0, m);

    private static ReadOnlySpan<double> Doubles(ParquetColumnData?[] cols, int s, int r0, int m) => cols[s]!.Values.AsSpan(r0, m);

    // Writes one row's features; returns how many are null (marked in nullMask).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FillRow(Group g, int r, Span<double> row, bool[] nullMask)
    {
        int nulls = 0;
        int s = 0;
        for (; s < _plan.Scalars.Count; s++)
        {
            var data = g.Scalars[s];
            if (data is null)
            {
                row[s] = g.PartitionValues[s];
                nullMask[s] = false;
                continue;
            }
            bool isNull = data.Nulls is not null && data.Nulls[r];
            row[s] = data.ValueAt(r);
            nullMask[s] = isNull;
            if (isNull) nulls++;
        }
        if (g.List is not null)
        {
            int width = _plan.ListWidth;
            var list = g.List;
            if (list.RowIsNull![r])
            {
                for (int k = 0; k < width; k++) nullMask[s + k] = true;
                return nulls + width;
            }
            int start = list.Offsets![r], length = list.Offsets[r + 1] - start;
            if (length != width)
                throw SpectraException.Invalid($"row {g.FirstRow + r} has {length} values in list column '{_plan.List!.Name}', the first row has {width}",
                    g.File.Path, $"row group {g.RowGroup}, row {g.FirstRow + r}", "every row of a list column must hold the same number of values");
            list.CopyTo(start, row.Slice(s, width));
            if (list.Nulls is not { } elementNulls)
            {
                for (int k = 0; k < width; k++) nullMask[s + k] = false;
                return nulls;
            }
            for (int k = 0; k < width; k++)
            {
                bool isNull = elementNulls[start + k];
                nullMask[s + k] = isNull;
                if (isNull) nulls++;
            }
        }
        return nulls;
    }

    private string? Label(Group g, int r)
    {
        var label = _plan.Label!;
        if (label.PartitionKey is not null) return g.File.Partitions.FirstOrDefault(p => p.Key == label.PartitionKey).Value;
        var data = g.Label!;
        if (data.Strings is not null) return data.Strings[r];
        return data.Nulls is not null && data.Nulls[r] ? null : data.ValueAt(r).ToString("R", CultureInfo.InvariantCulture);
    }
}
