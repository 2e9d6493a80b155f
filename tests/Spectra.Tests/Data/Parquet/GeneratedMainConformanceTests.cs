namespace Spectra.Tests.Data.Parquet;

/// <summary>
/// Every generated "main" table (two writers × every codec × page version) against the closed
/// formulas it was written from: the values are exact in float32/float64, so equality is exact.
/// </summary>
public sealed class GeneratedMainConformanceTests
{
    public static TheoryData<string> MainFiles()
    {
        var data = new TheoryData<string>();
        if (Conformance.Root is null)
        {
            data.Add("absent");
            return data;
        }
        foreach (var f in Directory.GetFiles(Conformance.PathOf("parquet", "generated"), "*_main_*.parquet").OrderBy(x => x, StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [ConformanceFact]
    public void There_are_twenty_eight_main_files_from_two_writers()
    {
        var names = Directory.GetFiles(Conformance.PathOf("parquet", "generated"), "*_main_*.parquet").Select(p => Path.GetFileName(p)).ToList();
        Assert.Equal(12, names.Count(n => n.StartsWith("duckdb_", StringComparison.Ordinal)));
        Assert.Equal(16, names.Count(n => n.StartsWith("arrowrs_", StringComparison.Ordinal)));
    }

    [ConformanceTheory]
    [MemberData(nameof(MainFiles))]
    public void Scalar_columns_match_the_formulas(string file)
    {
        string path = ParquetTestRead.Generated(file);
        const int n = 5000;
        var id = ParquetTestRead.Flat(path, "id");
        var i64 = ParquetTestRead.Flat(path, "i64");
        var f32 = ParquetTestRead.Flat(path, "f32");
        var f64 = ParquetTestRead.Flat(path, "f64");
        var f64n = ParquetTestRead.Flat(path, "f64n");
        var cat = ParquetTestRead.Flat(path, "cat");
        Assert.Equal(n, id.Length);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(i, id[i]);
            Assert.Equal(i * 1000003L - 1500000000L, i64[i]);
            Assert.Equal((i % 97) * 0.25 - 12, f32[i]);
            Assert.Equal(((long)i * i % 10007) / 64.0 - 50, f64[i]);
            Assert.Equal(i % 7 == 3 ? null : i / 8.0, f64n[i]);
            Assert.Equal(i % 7, cat[i]);
        }
    }

    [ConformanceTheory]
    [MemberData(nameof(MainFiles))]
    public void List_columns_match_the_formulas_including_nulls_and_empty_lists(string file)
    {
        string path = ParquetTestRead.Generated(file);
        var lf = ParquetTestRead.Lists(path, "lf");
        var emb = ParquetTestRead.Lists(path, "emb");
        Assert.Equal(5000, lf.Length);
        for (int i = 0; i < 5000; i++)
        {
            if (i % 11 == 5) Assert.Null(lf[i]);
            else
            {
                var expected = Enumerable.Range(0, i % 5).Select(j => (double?)(i + j / 8.0)).ToArray();
                Assert.Equal(expected, lf[i]);
            }
            var e = Enumerable.Range(0, 8).Select(j => (double?)(((8 * i + j) % 251) / 16.0 - 7.5)).ToArray();
            Assert.Equal(e, emb[i]);
        }
    }

    [ConformanceFact]
    public void Schema_reports_physical_types_and_levels()
    {
        using var f = ParquetFile.Open(ParquetTestRead.Generated("arrowrs_main_snappy_v2.parquet"));
        var lf = f.Schema.Find("lf")!;
        Assert.Equal("lf.list.element", lf.Path);
        Assert.Equal(ColumnUse.NumericList, lf.Use);
        Assert.Equal(3, lf.MaxDefinitionLevel);
        Assert.Equal(1, lf.MaxRepetitionLevel);
        var id = f.Schema.Find("id")!;
        Assert.Equal(Spectra.Data.Parquet.Format.PhysicalType.Int32, id.PhysicalType);
        Assert.Equal(ColumnUse.Numeric, id.Use);
        Assert.Equal(5000, f.RowCount);
        Assert.Equal(3, f.RowGroupCount);
    }
}
