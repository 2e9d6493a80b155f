namespace Spectra.Data.Parquet;

/// <summary>A decoded group turned into row-major doubles: nulls by the policy, partition values, labels.</summary>
internal sealed partial class ParquetSource
{
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
