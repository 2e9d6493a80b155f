namespace Spectra.Tests.Data.Parquet;

/// <summary>ParquetSource on the generated main table, whose every value is a closed formula of the row index i.</summary>
public sealed class ParquetSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spectra-parquet-src-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Main => ParquetTestRead.Generated("duckdb_main_snappy_v1.parquet");

    private static (List<double[]> Rows, List<string> Ids, List<string?> Labels) ReadAll(IDataSource source, int chunk = 333)
    {
        var rows = new List<double[]>();
        var ids = new List<string>();
        var labels = new List<string?>();
        foreach (var c in source.ReadChunks(chunk))
        {
            Assert.InRange(c.Rows, 1, chunk);
            Assert.Equal(source.Features, c.Columns);
            for (int i = 0; i < c.Rows; i++)
            {
                rows.Add(c.Row(i).ToArray());
                ids.Add(c.RowIds![i]);
                labels.Add(c.Labels?[i]);
            }
        }
        return (rows, ids, labels);
    }

    private static int IdOf(string rowId) => int.Parse(rowId[(rowId.IndexOf("#row ", StringComparison.Ordinal) + 5)..]);

    [ConformanceFact]
    public void Default_selection_is_every_numeric_leaf_but_row_ids_and_a_null_stops_with_file_row_and_column()
    {
        var source = new ParquetSource(Main);
        // id (0, 1, 2, …) and i64 (1000003 i − 1.5·10⁹) increase strictly: row ids, left out by name.
        Assert.Equal(["f32", "f64", "f64n", "cat"], source.FeatureNames);
        foreach (var id in new[] { "id", "i64" })
        {
            Assert.Contains(source.Header.Skipped, s => s.Path == id && s.Reason.Contains("row id"));
            Assert.Contains(source.Header.Notes, n => n.Contains($"'{id}' left out"));
        }
        Assert.Contains(source.Header.Skipped, s => s.Path == "lf.list.element" && s.Reason.Contains("list"));
        var e = Assert.Throws<SpectraException>(() => ReadAll(source));
        Assert.Equal(Main, e.File);
        Assert.Equal("row group 0, row 3", e.Location);
        Assert.Contains("'f64n'", e.Message);
        // The hint names the option by key; each front end respells it (--nulls drop-row, Nulls(NullPolicy.DropRow)).
        Assert.Equal(["nulls"], e.Keys);
        Assert.Contains("nulls drop-row", e.Hint);
    }

    [ConformanceFact]
    public void Drop_row_policy_drops_exactly_the_null_rows_and_counts_them()
    {
        // Named columns are read as named, row ids included.
        var source = new ParquetSource(Main, new ParquetSourceOptions { Columns = ["id", "i64", "f32", "f64", "f64n", "cat"], Nulls = NullPolicy.DropRow });
        Assert.DoesNotContain(source.Header.Skipped, s => s.Reason.Contains("row id"));
        var (rows, ids, _) = ReadAll(source);
        int expectedDropped = Enumerable.Range(0, 5000).Count(i => i % 7 == 3);
        Assert.Equal(5000 - expectedDropped, rows.Count);
        Assert.Equal(expectedDropped, source.ReadToEnd().DroppedRows);
        for (int k = 0; k < rows.Count; k++)
        {
            int i = IdOf(ids[k]);
            Assert.NotEqual(3, i % 7);
            Assert.Equal($"duckdb_main_snappy_v1.parquet#row {i}", ids[k]);
            Assert.Equal(new double[] { i, i * 1000003L - 1500000000L, (i % 97) * 0.25 - 12, ((long)i * i % 10007) / 64.0 - 50, i / 8.0, i % 7 }, rows[k]);
        }
    }

    [ConformanceFact]
    public void Mean_impute_fills_nulls_with_the_mean_of_the_rows_read()
    {
        var source = new ParquetSource(Main, new ParquetSourceOptions { Columns = ["f64n"], Nulls = NullPolicy.MeanImpute });
        var (rows, ids, _) = ReadAll(source);
        var present = Enumerable.Range(0, 5000).Where(i => i % 7 != 3).Select(i => i / 8.0).ToArray();
        double mean = present.Sum() / present.Length;
        Assert.Equal(5000, rows.Count);
        for (int k = 0; k < rows.Count; k++)
        {
            int i = IdOf(ids[k]);
            Assert.Equal(i % 7 == 3 ? mean : i / 8.0, rows[k][0], 12);
        }
        Assert.Contains(source.ReadToEnd().Notes, n => n.Contains($"mean-imputed {5000 - present.Length} null values"));
        Assert.Equal(0, source.ReadToEnd().DroppedRows);
    }

    [ConformanceFact]
    public void Globs_and_names_select_columns()
    {
        Assert.Equal(["f32", "f64", "f64n"], new ParquetSource(Main, new ParquetSourceOptions { Columns = ["f*"] }).FeatureNames);
        Assert.Equal(["i64", "cat"], new ParquetSource(Main, new ParquetSourceOptions { Columns = ["i?4", "cat", "c*"] }).FeatureNames);
        var e = Assert.Throws<SpectraException>(() => new ParquetSource(Main, new ParquetSourceOptions { Columns = ["nope"] }));
        Assert.Equal(SpectraErrorKind.InvalidOption, e.Kind);
        Assert.Contains("f64n", e.Hint);
        var g = Assert.Throws<SpectraException>(() => new ParquetSource(Main, new ParquetSourceOptions { Columns = ["zz*"] }));
        Assert.Contains("matches no numeric column", g.Message);
        var l = Assert.Throws<SpectraException>(() => new ParquetSource(Main, new ParquetSourceOptions { Columns = ["emb"] }));
        Assert.Contains("list column", l.Message);
    }

    [ConformanceTheory]
    [InlineData("duckdb_main_zstd_v2.parquet")]
    [InlineData("arrowrs_main_lz4_v2.parquet")]
    public void Fixed_size_list_column_expands_into_features(string file)
    {
        var source = new ParquetSource(ParquetTestRead.Generated(file), new ParquetSourceOptions { Columns = ["id"], ListColumn = "emb" });
        Assert.Equal(9, source.Features);
        Assert.Equal(["id", "emb[0]", "emb[1]", "emb[2]", "emb[3]", "emb[4]", "emb[5]", "emb[6]", "emb[7]"], source.FeatureNames);
        var (rows, _, _) = ReadAll(source, 1000);
        Assert.Equal(5000, rows.Count);
        for (int i = 0; i < 5000; i++)
        {
            Assert.Equal(i, rows[i][0]);
            for (int j = 0; j < 8; j++) Assert.Equal(((8 * i + j) % 251) / 16.0 - 7.5, rows[i][1 + j]);
        }
    }

    [ConformanceFact]
    public void Ragged_list_column_is_an_error_naming_the_first_offending_row()
    {
        // lf: row 5 is null, rows 1, 6, 11 … hold 1 value; row 0 is empty: the width comes from the first non-null row, row 0.
        var e = Assert.Throws<SpectraException>(() => new ParquetSource(Main, new ParquetSourceOptions { ListColumn = "lf" }));
        Assert.Equal("row group 0, row 0", e.Location);
        Assert.Contains("empty", e.Message);
    }

    [ConformanceFact]
    public void Ragged_list_after_a_good_first_row_names_that_row()
    {
        // special values lf: [1, NaN], [inf, -inf], [] …: row 2 is the first whose length differs from the first row's 2.
        var e = Assert.Throws<SpectraException>(() => ReadAll(new ParquetSource(ParquetTestRead.Generated("duckdb_special_values_v1.parquet"),
            new ParquetSourceOptions { Columns = ["id"], ListColumn = "lf", Nulls = NullPolicy.DropRow })));
        Assert.Equal("row group 0, row 2", e.Location);
        Assert.Contains("has 0 values", e.Message);
    }

    [ConformanceFact]
    public void Label_column_is_carried_and_never_a_feature()
    {
        var source = new ParquetSource(Main, new ParquetSourceOptions { LabelColumn = "cat", Columns = ["id", "cat", "f32"] });
        Assert.Equal(["id", "f32"], source.FeatureNames);
        var (rows, _, labels) = ReadAll(source);
        for (int i = 0; i < 5000; i++) Assert.Equal((i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture), labels[i]);
        Assert.Equal(5000, rows.Count);
    }

    [ConformanceFact]
    public void Text_label_column_from_a_string_column()
    {
        var source = new ParquetSource(ParquetTestRead.Testing("alltypes_plain.parquet"), new ParquetSourceOptions { LabelColumn = "string_col" });
        Assert.DoesNotContain("string_col", source.FeatureNames!);
        Assert.Contains(source.Header.Skipped, s => s.Path == "timestamp_col" && s.Reason.Contains("INT96"));
        var (rows, _, labels) = ReadAll(source);
        Assert.Equal(8, rows.Count);
        Assert.Equal(["0", "1", "0", "1", "0", "1", "0", "1"], labels);
    }

    [ConformanceFact]
    public void Max_rows_draws_a_seeded_subset_in_file_order()
    {
        List<string> Ids(int seed) => ReadAll(new ParquetSource(Main, new ParquetSourceOptions { Columns = ["id", "f64"], MaxRows = 100, Seed = seed })).Ids;
        var a = Ids(7);
        Assert.Equal(100, a.Count);
        Assert.Equal(a, Ids(7));
        Assert.NotEqual(a, Ids(8));
        var idx = a.Select(IdOf).ToList();
        Assert.Equal(idx.OrderBy(x => x), idx);
        // the subset spans the file, not just its head (all three row groups contribute)
        Assert.Contains(idx, i => i < 2048);
        Assert.Contains(idx, i => i >= 4096);
        var (rows, ids, _) = ReadAll(new ParquetSource(Main, new ParquetSourceOptions { Columns = ["id"], MaxRows = 100, Seed = 7 }));
        for (int k = 0; k < rows.Count; k++) Assert.Equal(IdOf(ids[k]), rows[k][0]);
    }

    [ConformanceFact]
    public void Max_rows_subsets_are_uniform()
    {
        // Each row is kept with probability k/n: over 200 seeds the per-row-group share is close to the group's share of rows.
        var counts = new int[3];
        for (int seed = 0; seed < 200; seed++)
            foreach (var id in ReadAll(new ParquetSource(Main, new ParquetSourceOptions { Columns = ["id"], MaxRows = 50, Seed = seed })).Ids)
                counts[Math.Min(IdOf(id) / 2048, 2)]++;
        double total = counts.Sum();
        Assert.Equal(10000, total);
        Assert.InRange(counts[0] / total, 2048 / 5000.0 - 0.02, 2048 / 5000.0 + 0.02);
        Assert.InRange(counts[2] / total, 904 / 5000.0 - 0.02, 904 / 5000.0 + 0.02);
    }

    [ConformanceFact]
    public void Content_hash_is_the_xxh128_of_the_file()
    {
        var source = new ParquetSource(Main, new ParquetSourceOptions { Columns = ["id"] });
        ReadAll(source);
        Assert.Equal(Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(File.ReadAllBytes(Main))), source.ReadToEnd().ContentHash);
        Assert.Equal(1, source.ReadToEnd().Files);
        Assert.Equal("parquet", source.Header.Kind);
    }

    [ConformanceFact]
    public void Hive_partition_folders_become_label_and_feature_columns()
    {
        foreach (var (kind, year) in new[] { ("gaussian", 2023), ("spiked", 2024) })
        {
            var dir = Path.Combine(_dir, $"year={year}", $"kind={kind}");
            Directory.CreateDirectory(dir);
            File.Copy(ParquetTestRead.Generated($"embeddings_{kind}_n2000_d64.wide64.duckdb_snappy_v1.parquet"), Path.Combine(dir, "part-0.parquet"));
        }
        var source = new ParquetSource(_dir, new ParquetSourceOptions { Columns = ["x0", "x1", "year"], LabelColumn = "kind" });
        Assert.Equal(["x0", "x1", "year"], source.FeatureNames);
        var (rows, ids, labels) = ReadAll(source, 512);
        Assert.Equal(4000, rows.Count);
        Assert.Equal("year=2023/kind=gaussian/part-0.parquet#row 0", ids[0]);
        Assert.Equal("year=2024/kind=spiked/part-0.parquet#row 1999", ids[^1]);
        Assert.All(labels.Take(2000), l => Assert.Equal("gaussian", l));
        Assert.All(labels.Skip(2000), l => Assert.Equal("spiked", l));
        Assert.All(rows.Take(2000), r => Assert.Equal(2023, r[2]));
        Assert.All(rows.Skip(2000), r => Assert.Equal(2024, r[2]));
        Assert.Equal(2, source.ReadToEnd().Files);
    }

    [ConformanceFact]
    public void Folder_files_must_share_the_selected_columns()
    {
        File.Copy(Main, Path.Combine(_dir, "a.parquet"));
        File.Copy(ParquetTestRead.Generated("duckdb_special_values_v1.parquet"), Path.Combine(_dir, "b.parquet"));
        var e = Assert.Throws<SpectraException>(() => new ParquetSource(_dir, new ParquetSourceOptions { Columns = ["cat"] }));
        Assert.EndsWith("b.parquet", e.File);
        Assert.Contains("'cat' is missing", e.Message);
    }

    [ConformanceFact]
    public void Spiked_embeddings_through_the_source_show_three_outliers()
    {
        var source = new ParquetSource(ParquetTestRead.Generated("embeddings_spiked_n2000_d64.wide64.duckdb_snappy_v1.parquet"),
            new ParquetSourceOptions { Columns = ["x*"] });
        Assert.Equal(64, source.Features);
        var x = ReadAll(source, 300).Rows.SelectMany(r => r).ToArray();
        var eig = GeneratedEmbeddingTests.CovarianceSpectrum(x, 2000, 64);
        double edge = eig.Sum() / 64 * Math.Pow(1 + Math.Sqrt(64 / 2000.0), 2);
        Assert.Equal(3, eig.Count(l => l > edge));
    }

    [ConformanceFact]
    public void The_wide_tables_row_id_is_not_a_feature_by_default_and_stays_one_when_named()
    {
        string path = ParquetTestRead.Generated("embeddings_spiked_n2000_d64.wide64.duckdb_snappy_v1.parquet");
        var byDefault = new ParquetSource(path);
        Assert.Equal(new ParquetSource(path, new ParquetSourceOptions { Columns = ["x*"] }).FeatureNames, byDefault.FeatureNames);
        Assert.Contains(byDefault.Header.Notes, n => n.Contains("'id' left out"));
        Assert.Equal(65, new ParquetSource(path, new ParquetSourceOptions { Columns = ["id", "x*"] }).Features);
    }

    [ConformanceFact]
    public void Parallel_and_sequential_column_decoding_give_identical_chunks()
    {
        string path = ParquetTestRead.Generated("embeddings_gaussian_n2000_d64.wide64.duckdb_snappy_v1.parquet");
        var one = ReadAll(new ParquetSource(path, new ParquetSourceOptions { Columns = ["x*"], Parallelism = 1 }));
        var many = ReadAll(new ParquetSource(path, new ParquetSourceOptions { Columns = ["x*"], Parallelism = 4 }));
        Assert.Equal(one.Ids, many.Ids);
        Assert.Equal(one.Rows.Count, many.Rows.Count);
        for (int i = 0; i < one.Rows.Count; i++) Assert.Equal(one.Rows[i], many.Rows[i]);
        // and both equal the raw float32 matrix, row-major
        var raw = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(
            File.ReadAllBytes(ParquetTestRead.Generated("embeddings_gaussian_n2000_d64.f32le")));
        for (int i = 0; i < 2000; i++) for (int j = 0; j < 64; j++) Assert.Equal((double)raw[i * 64 + j], many.Rows[i][j]);
    }

    private sealed class CountingReader(IParquetReader inner) : IParquetReader
    {
        public int Reads;
        public string Path => inner.Path;
        public ParquetSchema Schema => inner.Schema;
        public long RowCount => inner.RowCount;
        public int RowGroupCount => inner.RowGroupCount;
        public long RowGroupRows(int rowGroup) => inner.RowGroupRows(rowGroup);
        public ParquetColumnData ReadColumn(int rowGroup, ParquetColumn column, ParquetColumnData? recycle = null)
        {
            Interlocked.Increment(ref Reads);
            return inner.ReadColumn(rowGroup, column, recycle);
        }
        public void Dispose() => inner.Dispose();
    }

    [ConformanceFact]
    public void The_source_reads_through_the_reader_seam()
    {
        var readers = new List<CountingReader>();
        var source = new ParquetSource(Main, new ParquetSourceOptions { Columns = ["id", "f64"] }, (path, options) =>
        {
            var r = new CountingReader(ParquetFile.Open(path, options));
            lock (readers) readers.Add(r);
            return r;
        });
        var (rows, _, _) = ReadAll(source);
        Assert.Equal(5000, rows.Count);
        Assert.Equal(2 * 3, readers.Sum(r => r.Reads)); // two columns × three row groups, each decoded once
    }
}
