namespace Spectra.Tests.Data.Parquet;

/// <summary>
/// Row groups read a slice of rows at a time (memory bounded by pages, not by the row group): the
/// slices give exactly the rows of a whole-column decode, in order, whatever the slice and part sizes,
/// for every column shape, encoding and page layout; the decoded buffers stay far below the row group's
/// size; and a source whose row group exceeds its memory limit reads the same rows as one without a limit.
/// The tables (tests/Spectra.Tests/Data/Parquet/Data/slices) are DuckDB's, by tools/fixtures/parquet/make_slice_tables.mjs.
/// </summary>
public sealed class SlicedReadTests
{
    private const int Rows = 12_000, Width = 12;

    private static string Table(string name) =>
        Path.Combine(Conformance.ProjectRoot, "tests", "Spectra.Tests", "Data", "Parquet", "Data", "slices", name);

    // One line per row: "N" for null, each value's IEEE-754 bits (lists: the elements in brackets), text as is.
    private static IEnumerable<string> Canonical(ParquetColumnData d)
    {
        for (int r = 0; r < d.Rows; r++)
        {
            if (d.Strings is { } strings) yield return strings[r] ?? "N";
            else if (!d.IsList) yield return d.Nulls is not null && d.Nulls[r] ? "N" : Bits(d.ValueAt(r));
            else if (d.RowIsNull![r]) yield return "N";
            else
            {
                var items = new List<string>();
                for (int at = d.Offsets![r]; at < d.Offsets[r + 1]; at++) items.Add(d.Nulls is not null && d.Nulls[at] ? "N" : Bits(d.ValueAt(at)));
                yield return "[" + string.Join(",", items) + "]";
            }
        }
    }

    private static string Bits(double v) => double.IsNaN(v) ? "nan" : BitConverter.DoubleToInt64Bits(v).ToString("x16");

    private static List<string> Whole(ParquetFile f, int g, ParquetColumn c) => Canonical(f.ReadColumn(g, c)).ToList();

    private static List<string> Sliced(ParquetFile f, int g, ParquetColumn c, int sliceRows, int partEntries, out long peak)
    {
        var rows = new List<string>();
        int total = (int)f.RowGroupRows(g);
        using var slices = f.OpenSlices(g, c, partEntries);
        for (int start = 0; start < total; start += sliceRows)
        {
            var slice = slices.Next(Math.Min(sliceRows, total - start));
            Assert.Equal(Math.Min(sliceRows, total - start), slice.Rows);
            rows.AddRange(Canonical(slice));
        }
        peak = slices.PeakBufferBytes;
        return rows;
    }

    [Theory]
    [InlineData("slices_v1.parquet", 1, 5)]
    [InlineData("slices_v1.parquet", 7, 100)]
    [InlineData("slices_v1.parquet", 1000, ColumnChunkReader.PartEntries)]
    [InlineData("slices_v1.parquet", Rows, 11)]
    [InlineData("slices_v2.parquet", 7, 5)]
    [InlineData("slices_v2.parquet", 999, ColumnChunkReader.PartEntries)]
    [InlineData("slices_dictionary.parquet", 7, 5)]
    [InlineData("slices_dictionary.parquet", 2500, ColumnChunkReader.PartEntries)]
    public void Slices_of_the_DuckDB_tables_equal_the_whole_column_decode(string table, int sliceRows, int partEntries)
    {
        using var f = ParquetFile.Open(Table(table));
        Assert.Equal(1, f.RowGroupCount);
        Assert.Equal(Rows, f.RowGroupRows(0));
        foreach (var name in new[] { "emb", "f", "d", "k", "tag" })
        {
            var c = f.Schema.Find(name)!;
            var whole = Whole(f, 0, c);
            Assert.Equal(whole, Sliced(f, 0, c, sliceRows, partEntries, out _));
        }
        // The table has what the slices must get right: null lists, null elements, null cells.
        var emb = Whole(f, 0, f.Schema.Find("emb")!);
        Assert.Contains("N", emb);
        Assert.Contains(emb, row => row.Contains(",N"));
        Assert.Contains("N", Whole(f, 0, f.Schema.Find("f")!));
    }

    [Fact]
    public void A_sliced_list_read_holds_buffers_far_below_the_row_groups_decoded_size()
    {
        using var f = ParquetFile.Open(Table("slices_v1.parquet"));
        var c = f.Schema.Find("emb")!;
        var whole = f.ReadColumn(0, c);
        // What the whole decode holds: the floats, their null flags, the row offsets and null-row flags.
        long wholeBytes = whole.Singles!.Length * 5L + whole.Offsets!.Length * 4L + whole.RowIsNull!.Length;
        Assert.True(wholeBytes >= Rows * Width * 4L, $"{wholeBytes} bytes");
        var rows = Sliced(f, 0, c, sliceRows: 50, partEntries: 1000, out long peak);
        Assert.Equal(Canonical(whole), rows);
        Assert.True(peak > 0);
        Assert.True(peak * 20 < wholeBytes, $"the slices held up to {peak} bytes, the whole column {wholeBytes}");
    }

    [ConformanceFact]
    public void Slices_of_every_conformance_column_equal_the_whole_column_decode()
    {
        var files = Directory.GetFiles(Conformance.PathOf("parquet", "generated"), "*.parquet")
            .Concat(Directory.GetFiles(Conformance.PathOf("parquet", "parquet-testing", "data"), "*.parquet")).Order().ToList();
        int compared = 0;
        foreach (var path in files)
        {
            ParquetFile f;
            try { f = ParquetFile.Open(path); }
            catch (SpectraException) { continue; } // files the reader refuses are the bad-input tests' concern
            using (f)
                foreach (var c in f.Schema.Columns.Where(c => c.Use != ColumnUse.Skipped))
                    for (int g = 0; g < f.RowGroupCount; g++)
                    {
                        if (f.RowGroupRows(g) == 0) continue;
                        List<string> whole;
                        try { whole = Whole(f, g, c); }
                        catch (SpectraException)
                        {
                            // A chunk the whole read refuses is refused by the sliced read too, as a SpectraException.
                            Assert.Throws<SpectraException>(() => Sliced(f, g, c, 7, 5, out _));
                            continue;
                        }
                        Assert.True(whole.SequenceEqual(Sliced(f, g, c, 7, 5, out _)), $"{Path.GetFileName(path)}, row group {g}, column '{c.Path}'");
                        compared++;
                    }
        }
        Assert.True(compared > 100, $"{compared} column chunks compared");
    }

    private static (List<double[]> Rows, List<long> Ids, List<string?> Labels) ReadAll(IDataSource source, int chunk)
    {
        var rows = new List<double[]>();
        var ids = new List<long>();
        var labels = new List<string?>();
        foreach (var c in source.ReadChunks(chunk))
        {
            for (int i = 0; i < c.Rows; i++)
            {
                rows.Add(c.Row(i).ToArray());
                ids.Add(c.Identities![i]);
                labels.Add(c.Labels?[i]);
            }
        }
        return (rows, ids, labels);
    }

    [Theory]
    [InlineData(NullPolicy.DropRow, null)]
    [InlineData(NullPolicy.MeanImpute, null)]
    [InlineData(NullPolicy.DropRow, 777L)]
    public void A_row_group_over_the_memory_limit_is_read_in_slices_with_the_same_rows(NullPolicy nulls, long? maxRows)
    {
        string path = Table("slices_v1.parquet");
        ParquetSourceOptions Options(long limit) => new()
        {
            Columns = ["f", "d"], ListColumn = "emb", LabelColumn = "tag", Nulls = nulls, MaxRows = maxRows, MemoryLimitBytes = limit,
        };
        // 12 000 rows × 14 features as doubles: 1.3 MB, over the 1 MB limit (a whole-group read refuses it).
        var limited = new ParquetSource(path, Options(1L << 20));
        Assert.Equal(2 + Width, limited.Features);
        var expected = ReadAll(new ParquetSource(path, Options(2L << 30)), 500);
        var actual = ReadAll(limited, 500);
        Assert.True(expected.Rows.Count > (maxRows is null ? 11_000 : 700), $"{expected.Rows.Count} rows");
        Assert.Equal(expected.Ids, actual.Ids);
        Assert.Equal(expected.Labels, actual.Labels);
        for (int i = 0; i < expected.Rows.Count; i++) Assert.Equal(expected.Rows[i], actual.Rows[i]);
    }
}
