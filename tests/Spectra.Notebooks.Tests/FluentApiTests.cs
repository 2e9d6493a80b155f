using Spectra.Data.Images;
using Spectra.Data.Parquet;
using Spectra.Pipeline;
using Spectra.Spectrum.Unfolding;

namespace Spectra.Notebooks.Tests;

/// <summary>The fluent API: exact spectra on hand-made data, the same report as the CLI for the same options, clear errors.</summary>
public sealed class FluentApiTests
{
    private static string Digits => Path.Combine(RepositoryPaths.DataSamples, "digits");

    /// <summary>
    /// Columns (1, −1, 1, −1) and 2·(1, 1, −1, −1) are centred and orthogonal: C = XᵀX / M = diag(1, 4)
    /// exactly, and the Gram matrix XXᵀ / d has the non-zero eigenvalues λ_C · M / d = 2 and 8 plus two zeros.
    /// </summary>
    [Fact]
    public void Covariance_and_gram_of_orthogonal_columns_are_exact()
    {
        var x = new double[,] { { 1, 2 }, { -1, 2 }, { 1, -2 }, { -1, -2 } };
        var covariance = Dataset.FromArray(x).Covariance().Spectrum().Spectrum;
        Assert.Equal(new[] { 1.0, 4.0 }, covariance.All.Select(v => Math.Round(v, 12)));
        var gram = Dataset.FromArray(x).Gram().Spectrum().Spectrum;
        Assert.Equal(4, gram.Count);
        Assert.Equal(2, gram.ZeroModes);
        Assert.Equal(new[] { 2.0, 8.0 }, gram.NonZero.Select(v => Math.Round(v, 12)));
    }

    /// <summary>The same options by their CLI names give the same JSON report (timings aside) as `spectra analyze`.</summary>
    [Fact]
    public void Analyze_gives_the_report_spectra_analyze_writes_for_the_same_options()
    {
        var json = Path.Combine(Path.GetTempPath(), $"spectra-fluent-{Guid.NewGuid():N}.json");
        try
        {
            var io = CliIo.Capture(out _, out var stderr);
            var code = SpectraCli.Run(new[] { "analyze", Digits, "--max-samples", "300", "--seed", "3", "--resize", "6x6", "--k-top", "4", "--k-bottom", "3",
                "--unfolding", "kernel", "--sff-realisations", "4", "--eta", "0.3", "--reference-draws", "3", "--start-rank", "3", "--end-rank", "12", "--quiet", "--json", json }, io);
            Assert.True(code == 0, stderr.ToString());
            var fluent = Dataset.Load(Digits, o => o.MaxSamples(300).Seed(3).Resize(6, 6))
                .Analyze(a => a.KTop(4).KBottom(3).Unfolding("kernel").SffRealisations(4).Eta(0.3).ReferenceDraws(3).FitRanks(3, 12));
            Assert.Equal(WithoutTimings(File.ReadAllText(json)), WithoutTimings(fluent.ToJson()));
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>Two Parquet files given as a list give the report `spectra analyze A B` writes: one table of both files' rows.</summary>
    [Fact]
    public void Several_parquet_files_load_as_one_table_as_on_the_command_line()
    {
        var table = Path.Combine(RepositoryPaths.DataSamples, "embeddings", "embeddings.parquet");
        var dir = Directory.CreateTempSubdirectory("spectra-fluent-").FullName;
        try
        {
            var (a, b, json) = (Path.Combine(dir, "a.parquet"), Path.Combine(dir, "b.parquet"), Path.Combine(dir, "r.json"));
            File.Copy(table, a);
            File.Copy(table, b);
            var io = CliIo.Capture(out _, out var stderr);
            var code = SpectraCli.Run(new[] { "analyze", a, b, "--list-column", "embedding", "--quiet", "--json", json }, io);
            Assert.True(code == 0, stderr.ToString());
            var single = Dataset.Load(a, o => o.ListColumn("embedding")).Analyze();
            var both = Dataset.Load([a, b], o => o.ListColumn("embedding")).Analyze();
            Assert.Equal(WithoutTimings(File.ReadAllText(json)), WithoutTimings(both.ToJson()));
            Assert.Equal(2 * single.Document.Matrix.Samples, both.Document.Matrix.Samples);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Parquet_list_column_analysis_matches_spectra_analyze()
    {
        var table = Path.Combine(RepositoryPaths.DataSamples, "embeddings", "embeddings.parquet");
        var json = Path.Combine(Path.GetTempPath(), $"spectra-fluent-{Guid.NewGuid():N}.json");
        try
        {
            var io = CliIo.Capture(out _, out var stderr);
            var code = SpectraCli.Run(new[] { "analyze", table, "--list-column", "embedding", "--label-column", "label", "--max-samples", "500", "--seed", "2",
                "--matrix", "covariance", "--quiet", "--json", json }, io);
            Assert.True(code == 0, stderr.ToString());
            var fluent = Dataset.Load(table, o => o.ListColumn("embedding").LabelColumn("label").MaxSamples(500).Seed(2)).Covariance().Analyze();
            Assert.Equal(WithoutTimings(File.ReadAllText(json)), WithoutTimings(fluent.ToJson()));
            Assert.Equal(32, fluent.Document.Matrix.Features);
            Assert.Equal(500, fluent.Document.Matrix.Samples);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void Parquet_option_map_matches_the_cli()
    {
        var table = Path.Combine(RepositoryPaths.DataSamples, "embeddings", "embeddings.parquet");
        var cli = FrontEnds.Cli(table, "--columns", "x*", "--list-column", "embedding", "--label-column", "label", "--nulls", "drop-row", "--max-samples", "10");
        var fluent = Dataset.Load(table, o => o.Columns("x*").ListColumn("embedding").LabelColumn("label").Nulls(NullPolicy.DropRow).MaxSamples(10));
        Assert.Equal(cli.OptionMap(), fluent.OptionMap());
        Assert.Equal("drop-row", fluent.OptionMap()["nulls"]);
    }

    private static string WithoutTimings(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("timings");
        return node.ToJsonString();
    }

    [Fact]
    public void Option_map_matches_the_cli_names_and_values()
    {
        var cli = FrontEnds.Cli(Digits, "--color", "rgb", "--resize", "5x7", "--max-samples", "40", "--seed", "9", "--include", "*/1/*", "--matrix", "gram", "--standardize",
            "--k-top", "2", "--k-bottom", "1", "--unfolding", "polynomial", "--unfolding-degree", "5", "--sff-realisations", "3", "--start-rank", "2", "--end-rank", "9",
            "--reference-draws", "4", "--eta", "0.25");
        var fluent = Dataset.Load(Digits, o => o.Rgb().Resize(5, 7).MaxSamples(40).Seed(9).Include("*/1/*")).Gram().Standardize();
        var map = fluent.OptionMap(a => a.KTop(2).KBottom(1).Unfolding(UnfoldingMethod.PolynomialLambda, 5).SffRealisations(3).FitRanks(2, 9).ReferenceDraws(4).Eta(0.25));
        Assert.Equal(cli.OptionMap(), map);
        Assert.Equal("5x7", map["resize"]);
    }

    [Fact]
    public void Per_class_spectra_follow_the_class_folders()
    {
        var analysis = Dataset.Load(Digits).Covariance().PerClass().Analyze(a => a.KTop(3).KBottom(3).SffRealisations(0));
        var classes = analysis.Classes!;
        var folders = Directory.GetDirectories(Digits).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(folders, classes.Rows.Select(r => r.Label));
        foreach (var row in classes.Rows)
            Assert.Equal(Directory.GetFiles(Path.Combine(Digits, row.Label)).Length, row.Samples);
        Assert.Equal(analysis.Document.Matrix.Samples, classes.Rows.Sum(r => r.Samples));
    }

    /// <summary>
    /// Checking the very data a baseline was made from: every metric equals its baseline value, so every
    /// σ is exactly 0 and every rule on the distance from the baseline passes.
    /// </summary>
    [Fact]
    public void Checking_the_baseline_data_itself_has_zero_deviation()
    {
        var data = Dataset.Synthetic.Cgd(40, 400, 1.0, seed: 5).Covariance();
        var baseline = data.Baseline(replicates: 4, configure: a => a.SffRealisations(2));
        var check = data.Check(baseline);
        var relative = check.Result.Outcomes.Where(o => o.Rule.Warn?.MaxSigma is not null).ToList();
        Assert.NotEmpty(relative);
        foreach (var o in relative)
        {
            Assert.Equal(0.0, o.Sigma!.Value, 12);
            Assert.Equal(CheckStatus.Pass, o.Status);
        }
        Assert.NotEqual(CheckStatus.Fail, check.Status);
        Assert.Equal("2", baseline.Baseline.Options["sff_realisations"]);
    }

    [Fact]
    public void Same_seed_gives_the_same_report()
    {
        string Run() => WithoutTimings(Dataset.Synthetic.Cgd(30, 200, 0.5, seed: 7).Analyze(a => a.SffRealisations(3)).ToJson());
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Option_map_reads_back_to_the_settings_it_was_written_from()
    {
        var request = new AnalysisRequest
        {
            Color = ImageColorMode.Rgb, Resize = (5, 7), MaxSamples = 40, Seed = 9, Include = new[] { "a/*", "b/*" }, Nulls = NullPolicy.DropRow,
            Matrix = MatrixRequest.Gram, Center = false, Standardize = true, DropNonFinite = true,
            KTop = 2, Unfolding = UnfoldingMethod.GaussianKernel, SffRealisations = 3, StartRank = 2, EndRank = 9, ReferenceDraws = 4, Eta = 0.1 + 0.2,
        };
        var map = request.OptionMap();
        var back = AnalysisRequest.Default.WithRecorded(map);
        Assert.Equal(map, back.OptionMap());
        Assert.Equal(request with { Given = back.Given }, back with { Include = request.Include });
        Assert.Equal(request.Include, back.Include);
        Assert.Equal((5, 7), back.Resize);

        // What the user gave is kept; the rest comes from the map.
        var given = Parameters.Center.With(Parameters.KTop.With(AnalysisRequest.Default, 7), true);
        var merged = given.WithRecorded(map);
        Assert.Equal(7, merged.KTop);
        Assert.True(merged.Center);
        Assert.Equal(UnfoldingMethod.GaussianKernel, merged.Unfolding);
    }

    /// <summary>The rules the CLI applies hold in the fluent API too, also for options read back from a baseline.</summary>
    [Fact]
    public void Analysis_options_from_a_baseline_meet_the_same_rules()
    {
        var data = Dataset.Synthetic.Ugd(10, 60, seed: 1);
        var baseline = data.Baseline(replicates: 2, configure: a => a.SffRealisations(0).ReferenceDraws(0)).Baseline;
        var options = new SortedDictionary<string, string>(baseline.Options.ToDictionary(), StringComparer.Ordinal) { ["reference_draws"] = "5000" };
        var e = Assert.Throws<SpectraException>(() => data.Check(baseline with { Options = options }));
        // The baseline's error, named by its key as the file spells it, as `spectra check` reports it.
        Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
        Assert.Contains("(key options): reference_draws must be 0…1000", e.Message);
    }

    [Fact]
    public void Settings_that_do_not_apply_are_named_as_each_front_end_spells_them()
    {
        var table = Path.Combine(RepositoryPaths.DataSamples, "embeddings", "embeddings.parquet");
        Assert.Equal(new[] { "color", "skip_invalid" }, new AnalysisRequest { Color = ImageColorMode.Rgb, SkipInvalid = true, Columns = new[] { "x" } }.Inapplicable("parquet"));
        Assert.Equal(new[] { "list_column" }, new AnalysisRequest { ListColumn = "e", Include = new[] { "*" } }.Inapplicable("images"));
        Assert.Contains("SkipInvalid() does not apply to parquet input", Assert.Throws<SpectraException>(() => Dataset.Load(table, o => o.SkipInvalid())).Message);
        Assert.Contains("ListColumn() does not apply to images input", Assert.Throws<SpectraException>(() => Dataset.Load(Digits, o => o.ListColumn("e"))).Message);
        Assert.Contains("--list-column does not apply to images input", FrontEnds.CliError("analyze", Digits, "--list-column", "e"));
    }

    [Fact]
    public void Bad_options_and_paths_are_one_clear_error()
    {
        var missing = Assert.Throws<SpectraException>(() => Dataset.Load(Path.Combine(RepositoryPaths.Root, "no-such-folder")));
        Assert.Equal(SpectraErrorKind.Io, missing.Kind);
        Assert.Equal(SpectraErrorKind.InvalidOption, Assert.Throws<SpectraException>(() => Dataset.Load(Digits, o => o.Columns("x"))).Kind);
        Assert.Equal(SpectraErrorKind.InvalidOption, Assert.Throws<SpectraException>(() => Dataset.Load(Digits, o => o.Resize(0, 4))).Kind);
        Assert.Equal(SpectraErrorKind.InvalidOption, Assert.Throws<SpectraException>(() => Dataset.Synthetic.Ugd(5, 10).Matrix("cov")).Kind);
        Assert.Equal(SpectraErrorKind.InvalidOption, Assert.Throws<SpectraException>(() => Dataset.Synthetic.Ugd(5, 10).Analyze(a => a.Unfolding("spline"))).Kind);
        var array = Dataset.FromArray(new double[,] { { 1, 2 }, { 3, 4 } });
        Assert.Equal(SpectraErrorKind.NotEnoughData, Assert.Throws<SpectraException>(() => Dataset.FromArray(new double[,] { { 1, 2 } }).Spectrum()).Kind);
        Assert.NotNull(array.Spectrum());
    }
}
