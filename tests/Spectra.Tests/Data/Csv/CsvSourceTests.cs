using System.Globalization;

namespace Spectra.Tests.Data.Csv;

/// <summary>Column selection, labels, the null policy, subsets and shards of a CSV source.</summary>
public sealed class CsvSourceTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<double[]> RowsOf(IDataSource source, int chunk = 3, ReadSummary? summary = null)
    {
        var rows = new List<double[]>();
        foreach (var c in source.ReadChunks(chunk, summary ?? new ReadSummary()))
            for (int i = 0; i < c.Rows; i++) rows.Add(c.Row(i).ToArray());
        return rows;
    }

    private string Table(int rows = 20)
    {
        var lines = new List<string> { "id,a,b,c,kind" };
        for (int r = 0; r < rows; r++)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{r},{r * 0.5},{-r},{r * r},{(r % 2 == 0 ? "even" : "odd")}"));
        return _dir.Write("t.csv", string.Join("\n", lines) + "\n");
    }

    [Fact]
    public void Columns_select_and_order_by_name_glob_or_position()
    {
        var path = Table();
        var source = new CsvSource(path, new CsvSourceOptions { Columns = ["c", "a"] });
        Assert.Equal(["c", "a"], source.FeatureNames!);
        var rows = RowsOf(source);
        Assert.Equal(20, rows.Count);
        Assert.Equal([9.0, 1.5], rows[3]);

        Assert.Equal(["b", "a"], new CsvSource(path, new CsvSourceOptions { Columns = ["3", "2"] }).FeatureNames!);
        Assert.Equal(["a", "b", "c", "id"], new CsvSource(path, new CsvSourceOptions { Columns = ["?", "id"] }).FeatureNames!);

        var missing = Assert.Throws<SpectraException>(() => new CsvSource(path, new CsvSourceOptions { Columns = ["zz"] }));
        Assert.Contains("no column named 'zz'", missing.Message);
        Assert.Contains("t.csv", missing.Message);
    }

    [Fact]
    public void Without_selection_text_columns_are_left_out_with_a_note()
    {
        var source = new CsvSource(Table());
        Assert.Equal(["id", "a", "b", "c"], source.FeatureNames!);
        Assert.Contains(source.Header.Notes, n => n.Contains("column 'kind' left out") && n.Contains("line 2"));
        Assert.Contains(source.Header.Skipped, s => s.Path == "kind");
    }

    [Fact]
    public void Label_column_gives_labels_and_is_no_feature()
    {
        var source = new CsvSource(Table(), new CsvSourceOptions { LabelColumn = "kind" });
        Assert.Equal(["id", "a", "b", "c"], source.FeatureNames!);
        var labels = source.ReadChunks(7).SelectMany(c => c.Labels!.Take(c.Rows)).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(r => r % 2 == 0 ? "even" : "odd"), labels);
        Assert.Contains("labels from 'kind'", source.Header.Notes);

        var selected = new CsvSource(Table(), new CsvSourceOptions { Columns = ["*"], LabelColumn = "id" });
        Assert.DoesNotContain("id", selected.FeatureNames!);

        // Headerless: a column is named by its position.
        var plain = _dir.Write("plain.csv", "1,2,7\n3,4,8\n5,6,7\n");
        var byPosition = new CsvSource(plain, new CsvSourceOptions { LabelColumn = "column 3" });
        Assert.Equal(["column 1", "column 2"], byPosition.FeatureNames!);
        Assert.Equal(["7", "8", "7"], byPosition.ReadChunks(10).Single().Labels!.Take(3));
    }

    [Fact]
    public void A_headerless_table_with_a_text_column_keeps_its_first_row()
    {
        var path = _dir.Write("iris.csv", "5.1,3.5,setosa\n4.9,3.0,setosa\n6.2,2.9,virginica\n");
        var source = new CsvSource(path);
        Assert.Equal(["column 1", "column 2"], source.FeatureNames!);
        Assert.Equal([[5.1, 3.5], [4.9, 3.0], [6.2, 2.9]], RowsOf(source));
        var labelled = new CsvSource(path, new CsvSourceOptions { LabelColumn = "3" });
        Assert.Equal(["setosa", "setosa", "virginica"], labelled.ReadChunks(8).Single().Labels!.Take(3));

        // A header over a text column: the names are text above numbers.
        var named = new CsvSource(_dir.Write("named.csv", "sepal,petal,species\n5.1,3.5,setosa\n"));
        Assert.Equal(["sepal", "petal"], named.FeatureNames!);
        // A header alone is still a header.
        Assert.Equal(["p", "q"], new CsvSource(_dir.Write("alone.csv", "p,q\n")).FeatureNames!);
    }

    [Fact]
    public void Empty_cells_follow_the_null_policy()
    {
        var path = _dir.Write("n.csv", "a,b\n1,2\n3,\n5,6\n,8\n9,10\n");
        var error = Assert.Throws<SpectraException>(() => RowsOf(new CsvSource(path)));
        Assert.Equal(SpectraErrorKind.InvalidInput, error.Kind);
        Assert.Contains("n.csv", error.Message);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("empty cell in column 'b'", error.Message);
        Assert.Contains("nulls drop-row", error.Message);

        var summary = new ReadSummary();
        var kept = RowsOf(new CsvSource(path, new CsvSourceOptions { Nulls = NullPolicy.DropRow }), summary: summary);
        Assert.Equal([[1.0, 2], [5.0, 6], [9.0, 10]], kept);
        Assert.Equal(2, summary.DroppedRows);
        Assert.Contains("dropped 2 rows with nulls", summary.Notes);

        var imputed = RowsOf(new CsvSource(path, new CsvSourceOptions { Nulls = NullPolicy.MeanImpute }));
        Assert.Equal([3.0, 6.5], imputed[1]);
        Assert.Equal([(1 + 3 + 5 + 9) / 4.0, 8], imputed[3]);
    }

    [Fact]
    public void Non_numbers_and_ragged_rows_name_the_file_line_and_column()
    {
        var lines = new List<string> { "x1,x2,x3" };
        for (int r = 0; r < 20; r++) lines.Add(r == 15 ? "1,2,abc" : "1,2,3");
        var path = _dir.Write("data.csv", string.Join("\n", lines));
        var e = Assert.Throws<SpectraException>(() => RowsOf(new CsvSource(path)));
        Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
        Assert.Contains("data.csv", e.Message);
        Assert.Contains("line 17, column \"x3\"", e.Message);
        Assert.Contains("\"abc\" is not a number", e.Message);
        Assert.Contains("columns", e.Message);

        var ragged = _dir.Write("ragged.csv", "a,b\n1,2\n3,4\n5,6,7\n");
        var r2 = Assert.Throws<SpectraException>(() => RowsOf(new CsvSource(ragged)));
        Assert.Contains("ragged.csv", r2.Message);
        Assert.Contains("line 4", r2.Message);
        Assert.Contains("3 fields", r2.Message);

        var quote = _dir.Write("quote.csv", "a,b\n1,2\n3,\"4\n");
        var q = Assert.Throws<SpectraException>(() => RowsOf(new CsvSource(quote)));
        Assert.Contains("quote.csv", q.Message);
    }

    [Fact]
    public void Numpys_non_finite_spellings_are_numbers_and_comments_count_as_lines()
    {
        var path = _dir.Write("nf.csv", "# written by numpy\na,b\nnan,1\ninf,-inf\n\n2,3\n");
        var source = new CsvSource(path);
        Assert.Equal(["a", "b"], source.FeatureNames!);
        var rows = RowsOf(source);
        Assert.Equal(3, rows.Count);
        Assert.True(double.IsNaN(rows[0][0]));
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity], rows[1]);

        var bad = _dir.Write("bad.csv", "# comment\na,b\n1,2\n1,x\n");
        Assert.Contains("line 4", Assert.Throws<SpectraException>(() => RowsOf(new CsvSource(bad))).Message);
    }

    [Fact]
    public void Subsets_depend_on_the_seed_not_on_the_chunk_size()
    {
        var path = Table(200);
        List<double[]> Subset(int seed, int chunk) => RowsOf(new CsvSource(path, new CsvSourceOptions { Columns = ["id"], MaxRows = 30, Seed = seed }), chunk);
        var a = Subset(3, 4);
        Assert.Equal(30, a.Count);
        Assert.Equal(a, Subset(3, 64));
        Assert.NotEqual(a, Subset(4, 4));
        Assert.Contains(new CsvSource(path, new CsvSourceOptions { MaxRows = 30, Seed = 3 }).Header.Notes, n => n == "random subset of 30 of 200 rows (seed 3)");
    }

    [Fact]
    public void Shards_taken_in_order_read_every_row_once()
    {
        var path = Table(50);
        var whole = RowsOf(new CsvSource(path));
        var shards = Enumerable.Range(1, 4)
            .SelectMany(i => RowsOf(new CsvSource(path, new CsvSourceOptions { Shard = new ShardSelection(i, 4) }))).ToList();
        Assert.Equal(whole, shards);
        // A sample drawn across shards is the whole read's sample.
        var sampled = RowsOf(new CsvSource(path, new CsvSourceOptions { MaxRows = 20, Seed = 5 }));
        var sampledShards = Enumerable.Range(1, 3)
            .SelectMany(i => RowsOf(new CsvSource(path, new CsvSourceOptions { MaxRows = 20, Seed = 5, Shard = new ShardSelection(i, 3) }))).ToList();
        Assert.Equal(sampled, sampledShards);
    }

    [Fact]
    public void Line_endings_quotes_and_a_byte_order_mark_are_read()
    {
        var crlf = _dir.Write("crlf.csv", "\uFEFFa,\"b\"\r\n1,\"2\"\r\n3, 4 \r\n");
        var source = new CsvSource(crlf);
        Assert.Equal(["a", "b"], source.FeatureNames!);
        Assert.Equal([[1.0, 2], [3.0, 4]], RowsOf(source));

        var tsv = _dir.Write("q.tsv", "name\tx\ty\n\"a\tb\"\t1\t2\n\"c\"\t3\t4\n");
        var labelled = new CsvSource(tsv, new CsvSourceOptions { LabelColumn = "name" });
        Assert.Equal(["x", "y"], labelled.FeatureNames!);
        Assert.Equal(["a\tb", "c"], labelled.ReadChunks(5).Single().Labels!.Take(2));
    }

    [Fact]
    public void Mean_imputation_is_refused_for_a_shard()
    {
        var e = Assert.Throws<SpectraException>(() => new CsvSource(Table(), new CsvSourceOptions { Nulls = NullPolicy.MeanImpute, Shard = new ShardSelection(1, 2) }));
        Assert.Equal(SpectraErrorKind.InvalidOption, e.Kind);
        Assert.Contains("nulls", e.Message);
    }

    [Fact]
    public void Options_that_do_not_apply_are_refused()
    {
        var path = Table();
        var resize = Assert.Throws<SpectraException>(() => new AnalysisRequest { Resize = (4, 4) }.Open(path));
        Assert.Equal(SpectraErrorKind.InvalidOption, resize.Kind);
        Assert.Contains("resize does not apply to csv input", resize.Message);
        var list = Assert.Throws<SpectraException>(() => new AnalysisRequest { ListColumn = "a" }.Open(path));
        Assert.Contains("list_column does not apply to csv input", list.Message);
        Assert.Empty(new AnalysisRequest { Columns = ["a"], LabelColumn = "kind", Nulls = NullPolicy.DropRow, ContentHash = false }.Inapplicable("csv"));
        Assert.IsType<CsvSource>(new AnalysisRequest { Columns = ["a", "b"], LabelColumn = "kind" }.Open(path));
    }
}
