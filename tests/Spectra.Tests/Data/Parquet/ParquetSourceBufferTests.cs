namespace Spectra.Tests.Data.Parquet;

/// <summary>
/// Row groups are decoded one ahead and their buffers reused (next group, next file, next read):
/// whichever path a group takes, every value must be the one a plain column-by-column read gives.
/// </summary>
public sealed class ParquetSourceBufferTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spectra-parquet-buf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Main => ParquetTestRead.Generated("duckdb_main_snappy_v1.parquet");

    private static readonly string[] Columns = ["id", "i64", "f32", "f64", "f64n", "cat"];

    // The reference: each column read whole with the format reader, null rows dropped.
    private static List<double[]> Expected(int copies, string[]? names = null)
    {
        var columns = (names ?? Columns).Select(c => ParquetTestRead.Flat(Main, c)).ToArray();
        var rows = new List<double[]>();
        for (int copy = 0; copy < copies; copy++)
            for (int r = 0; r < columns[0].Length; r++)
            {
                var row = columns.Select(c => c[r]).ToArray();
                if (row.All(v => v.HasValue)) rows.Add(row.Select(v => v!.Value).ToArray());
            }
        return rows;
    }

    private static ParquetSource Open(string path, long? limit = null) => new(path, new ParquetSourceOptions
    {
        Columns = Columns, Nulls = NullPolicy.DropRow, MemoryLimitBytes = limit ?? 2L << 30,
    });

    private static List<double[]> ReadAll(IDataSource s) => s.ReadChunks(333).SelectMany(c => Enumerable.Range(0, c.Rows).Select(i => c.Row(i).ToArray())).ToList();

    private static void Same(List<double[]> expected, List<double[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Assert.True(expected[i].SequenceEqual(actual[i]), $"row {i} differs");
    }

    [ConformanceFact]
    public void Read_ahead_synchronous_and_mixed_paths_give_the_same_rows()
    {
        using var f = ParquetFile.Open(Main);
        var bytes = Enumerable.Range(0, f.RowGroupCount).Select(g => f.RowGroupRows(g) * Columns.Length * 8).ToArray();
        long big = bytes.Max(), small = bytes.Min();
        Assert.True(f.RowGroupCount >= 3 && small < big, "the test needs row groups of two sizes");
        var expected = Expected(1);
        Same(expected, ReadAll(Open(Main)));          // every group read ahead
        Same(expected, ReadAll(Open(Main, big)));     // none fits the read-ahead half of the limit
        long mixed = Math.Max(big, 2 * small);
        Assert.True(mixed < 2 * big);
        Same(expected, ReadAll(Open(Main, mixed)));   // large groups in turn, the small one ahead
    }

    [ConformanceFact]
    public void Mixed_column_types_without_nulls_fill_whole_blocks_exactly()
    {
        // No null in these columns, so every row group takes the block path: an INT, a FLOAT and
        // DOUBLE/INT64 columns side by side (held as doubles, floats and doubles) in runs of mixed type.
        var names = Columns.Where(n => ParquetTestRead.Flat(Main, n).All(v => v.HasValue)).ToArray();
        Assert.Contains("f32", names);
        Assert.True(names.Length >= 4, "the test needs null-free columns of several types");
        var source = new ParquetSource(Main, new ParquetSourceOptions { Columns = names });
        Same(Expected(1, names), ReadAll(source));
        Assert.Equal(0, source.ReadToEnd().DroppedRows);
    }

    [ConformanceFact]
    public void Interleaved_reads_and_a_folder_of_copies_never_share_a_buffer()
    {
        var expected = Expected(1);
        // Two reads advanced in lock step: both take buffers from the one pool.
        var a = Open(Main).ReadChunks(333).GetEnumerator();
        var b = Open(Main).ReadChunks(333).GetEnumerator();
        var rowsA = new List<double[]>();
        var rowsB = new List<double[]>();
        bool moreA = true, moreB = true;
        while (moreA || moreB)
        {
            if (moreA && (moreA = a.MoveNext())) rowsA.AddRange(Enumerable.Range(0, a.Current.Rows).Select(i => a.Current.Row(i).ToArray()));
            if (moreB && (moreB = b.MoveNext())) rowsB.AddRange(Enumerable.Range(0, b.Current.Rows).Select(i => b.Current.Row(i).ToArray()));
        }
        Same(expected, rowsA);
        Same(expected, rowsB);
        // A folder: the second and third files decode into the first one's buffers.
        for (int k = 0; k < 3; k++) File.Copy(Main, Path.Combine(_dir, $"part-{k}.parquet"));
        Same(Expected(3), ReadAll(Open(_dir)));
        // A read abandoned half way returns its buffers; the next read must still be exact.
        using (var e = Open(Main).ReadChunks(333).GetEnumerator()) { e.MoveNext(); e.MoveNext(); }
        Same(expected, ReadAll(Open(Main)));
    }

    [ConformanceFact]
    public void Duplicate_rows_across_files_are_named_by_file_and_row()
    {
        // Two copies of one table: every row of the second repeats the first; names are made from
        // (file, row) keys only for the examples shown, after the key buffers have been reused many times.
        for (int k = 0; k < 2; k++) File.Copy(Main, Path.Combine(_dir, $"part-{k}.parquet"));
        var rows = Expected(1);
        int distinct = rows.Select(r => string.Join(",", r.Select(BitConverter.DoubleToInt64Bits))).Distinct().Count();
        var result = Spectra.Pipeline.SpectrumPipeline.Run(Open(_dir), new Spectra.Pipeline.SpectrumOptions { Realisations = 0 });
        Assert.Equal(2 * rows.Count - distinct, result.Duplicates.Count);
        Assert.Equal(distinct, rows.Count); // the table itself has no repeated row, so the examples pair the copies
        Assert.Equal(new Spectra.Pipeline.DuplicatePair("part-0.parquet#row 0", "part-1.parquet#row 0"), result.Duplicates.Examples[0]);
        var last = result.Duplicates.Examples[^1];
        Assert.Equal(last.First.Replace("part-0", "part-1"), last.Duplicate);
    }
}
