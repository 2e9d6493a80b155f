namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// Several PATH arguments and quoted globs: two Parquet files of one schema (the conformance embeddings, 2000 rows
/// each) named one by one, by a glob, or as their folder are one table of 4000 rows with one spectrum; a file named
/// twice counts once; a mix with another kind of input is one clear error.
/// </summary>
public class SeveralInputsTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Tables()
    {
        var dir = Directory.CreateDirectory(_tmp.File("tables")).FullName;
        File.Copy(Conformance.PathOf("parquet", "generated", "embeddings_gaussian_n2000_d64.wide64.duckdb_snappy_v1.parquet"), Path.Combine(dir, "a.parquet"));
        File.Copy(Conformance.PathOf("parquet", "generated", "embeddings_spiked_n2000_d64.wide64.duckdb_snappy_v1.parquet"), Path.Combine(dir, "b.parquet"));
        return dir;
    }

    private JsonElement Analyze(params string[] arguments)
    {
        var json = _tmp.File(Guid.NewGuid().ToString("N") + ".json");
        var run = Tool.Run(new[] { "analyze" }.Concat(arguments).Concat(["--no-content-hash", "--json", json, "-q"]).ToArray());
        Assert.True(run.ExitCode == 0, run.Err);
        return JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone();
    }

    private static double[] Eigenvalues(JsonElement report) =>
        report.GetProperty("spectrum").GetProperty("eigenvalues").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static int Samples(JsonElement report) => report.GetProperty("matrix").GetProperty("samples").GetInt32();

    [ConformanceFact]
    public void Files_named_one_by_one_or_by_a_glob_are_the_table_their_folder_is()
    {
        var dir = Tables();
        var folder = Analyze(dir);
        var listed = Analyze(Path.Combine(dir, "a.parquet"), Path.Combine(dir, "b.parquet"));
        var globbed = Analyze(Path.Combine(dir, "*.parquet"));
        Assert.Equal(4000, Samples(folder));
        Assert.Equal(4000, Samples(listed));
        Assert.Equal(4000, Samples(globbed));
        // The same rows in the same order: the same sums, bit for bit.
        Assert.Equal(Eigenvalues(folder), Eigenvalues(listed));
        Assert.Equal(Eigenvalues(folder), Eigenvalues(globbed));
        // The two files differ (one has three spikes): both are in the table, so it is neither alone.
        var a = Analyze(Path.Combine(dir, "a.parquet"));
        Assert.Equal(2000, Samples(a));
        Assert.NotEqual(Eigenvalues(a)[^1], Eigenvalues(listed)[^1]);
    }

    [ConformanceFact]
    public void A_file_named_twice_counts_once()
    {
        var dir = Tables();
        var a = Path.Combine(dir, "a.parquet");
        Assert.Equal(2000, Samples(Analyze(a, a)));
        Assert.Equal(4000, Samples(Analyze(a, Path.Combine(dir, "*.parquet"))));
    }

    [ConformanceFact]
    public void Parquet_beside_an_image_folder_is_one_error_naming_the_image_folder()
    {
        var dir = Tables();
        var digits = Path.Combine(Conformance.ProjectRoot, "data-samples", "digits");
        var run = Tool.Run("analyze", Path.Combine(dir, "a.parquet"), digits, "-q");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("only when each is a Parquet table", run.Err);
        Assert.Contains("digits", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void A_glob_that_matches_nothing_names_the_pattern_and_exits_3()
    {
        var pattern = _tmp.File("*.parquet");
        var run = Tool.Run("analyze", pattern, "-q");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("the glob matches no file", run.Err);
    }

    [Fact]
    public void Slurm_takes_one_input()
    {
        var digits = Path.Combine(Conformance.ProjectRoot, "data-samples", "digits");
        var run = Tool.Run("slurm", digits, digits, "--shards", "2", "-o", _tmp.File("plan"));
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("takes one input path", run.Err);
    }
}
