namespace Spectra.Data.Parquet;

/// <summary>The width of a list column, read from its first non-null row before the first chunk.</summary>
internal sealed partial class ParquetSource
{
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
}
