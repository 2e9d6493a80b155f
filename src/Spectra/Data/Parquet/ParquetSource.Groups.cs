namespace Spectra.Data.Parquet;

/// <summary>Row groups decoded in file order, the next read ahead while one is consumed when it fits, or streamed in slices of rows when it does not.</summary>
internal sealed partial class ParquetSource
{
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

    private void ReadScalars(IParquetReader f, int g, ParquetColumn?[] columns, ParquetColumnData?[] into, ParquetColumnData?[]? previous) =>
        ColumnParallel.For(columns.Length, Math.Min(_options.Parallelism ?? Environment.ProcessorCount, columns.Length), k =>
        {
            if (columns[k] is { } c) into[k] = f.ReadColumn(g, c, previous?[k]);
        });
}
