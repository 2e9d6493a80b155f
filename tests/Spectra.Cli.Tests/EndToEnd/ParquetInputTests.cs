namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// Parquet input through the command line, on the conformance embeddings: the spiked set has three
/// directions above the Marchenko–Pastur edge, the Gaussian one none, and the same matrix stored as a
/// fixed-size-list column (arrow-rs, ZSTD) and as 64 wide columns (DuckDB, Snappy) gives one spectrum.
/// </summary>
public class ParquetInputTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private JsonElement Analyze(string file, params string[] options)
    {
        var json = _tmp.File(Guid.NewGuid().ToString("N") + ".json");
        var run = Tool.Run(new[] { "analyze", Conformance.PathOf("parquet", "generated", file), "--json", json, "-q" }.Concat(options).ToArray());
        Assert.True(run.ExitCode == 0, run.Err);
        return JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone();
    }

    [ConformanceTheory]
    [InlineData("spiked", 3)]
    [InlineData("gaussian", 0)]
    public void Spikes_show_above_the_marchenko_pastur_edge(string kind, int spikes)
    {
        var list = Analyze($"embeddings_{kind}_n2000_d64.fsl.arrowrs_zstd_v2.parquet", "--list-column", "embedding");
        Assert.Equal("parquet", list.GetProperty("input").GetProperty("kind").GetString());
        Assert.Equal(64, list.GetProperty("matrix").GetProperty("features").GetInt32());
        Assert.Equal(2000, list.GetProperty("matrix").GetProperty("samples").GetInt32());
        Assert.Equal(spikes, list.GetProperty("marchenko_pastur").GetProperty("above_edge").GetInt32());

        var wide = Analyze($"embeddings_{kind}_n2000_d64.wide64.duckdb_snappy_v1.parquet", "--columns", "x*");
        var a = list.GetProperty("spectrum").GetProperty("eigenvalues").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var b = wide.GetProperty("spectrum").GetProperty("eigenvalues").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(a.Length, b.Length);
        // Same float32 values, other column order: the same spectrum up to summation order.
        for (var i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i], 1e-9 * a[^1]);
    }

    [ConformanceTheory]
    [InlineData("--resize", "8x8")]
    [InlineData("--color", "rgb")]
    [InlineData("--skip-invalid")]
    public void Image_options_are_refused_for_parquet_input(params string[] option)
    {
        var run = Tool.Run(new[] { "analyze", Conformance.PathOf("parquet", "generated", "duckdb_main_zstd_v1.parquet") }.Concat(option).ToArray());
        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{option[0]} does not apply to parquet input", run.Err);
    }

    [ConformanceFact]
    public void Content_hash_is_the_files_xxh128_unless_switched_off()
    {
        const string file = "embeddings_gaussian_n2000_d64.fsl.arrowrs_zstd_v2.parquet";
        var expected = Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(File.ReadAllBytes(Conformance.PathOf("parquet", "generated", file))));
        var on = Analyze(file).GetProperty("input");
        Assert.Equal(expected, on.GetProperty("content_hash").GetString());
        Assert.Equal("xxh128", on.GetProperty("content_hash_algorithm").GetString());
        var off = Analyze(file, "--no-content-hash");
        Assert.Equal(JsonValueKind.Null, off.GetProperty("input").GetProperty("content_hash").ValueKind);
        Assert.Equal(JsonValueKind.Null, off.GetProperty("input").GetProperty("content_hash_algorithm").ValueKind);
        // The spectrum does not depend on it.
        Assert.Equal(Analyze(file).GetProperty("spectrum").GetProperty("eigenvalues").ToString(), off.GetProperty("spectrum").GetProperty("eigenvalues").ToString());
        // Image input hashes what it decodes anyway: the switch is refused there rather than ignored.
        var run = Tool.Run("analyze", Path.Combine(Conformance.ProjectRoot, "data-samples", "digits"), "--no-content-hash");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("--no-content-hash does not apply to images input", run.Err);
    }
}
