using Spectra.Checks;
using Spectra.Data;

namespace Spectra.Cli.Tests.EndToEnd;

public class CommandLineTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Ugd(int samples = 600, int features = 64, int seed = 3)
    {
        var path = _tmp.File($"ugd-{samples}-{features}-{seed}.npy");
        var run = Tool.Run("simulate", "ugd", "--samples", samples.ToString(), "--features", features.ToString(), "--seed", seed.ToString(), "-o", path, "-q");
        Assert.Equal(0, run.ExitCode);
        return path;
    }

    [Fact]
    public void Version_prints_the_package_version()
    {
        var run = Tool.Run("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out.Trim());
    }

    [Theory]
    [InlineData("analyze", "--matrix")]
    [InlineData("baseline", "--replicates")]
    [InlineData("check", "--warn-as-error")]
    [InlineData("simulate", "--alpha")]
    [InlineData("info", "--help")]
    public void Every_command_has_help_listing_its_options(string command, string option)
    {
        var run = Tool.Run(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(option, run.Out);
        Assert.Contains("Usage", run.Out);
    }

    [Fact]
    public void Info_names_the_backend_and_threads()
    {
        var run = Tool.Run("info");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(new Regex(@"^backend: \w+", RegexOptions.Multiline), run.Out);
        Assert.Matches(new Regex(@"^threads: \d+", RegexOptions.Multiline), run.Out);
    }

    [Fact]
    public void Same_input_and_seed_give_byte_identical_json_apart_from_timings()
    {
        var data = Ugd();
        var a = _tmp.File("a.json");
        var b = _tmp.File("b.json");
        Assert.Equal(0, Tool.Run("analyze", data, "--seed", "5", "--json", a, "-q").ExitCode);
        Assert.Equal(0, Tool.Run("analyze", data, "--seed", "5", "--json", b, "-q").ExitCode);
        static string WithoutTimings(string json) => Regex.Replace(json, "\"timings\": \\{[^}]*\\}", "\"timings\": {}");
        var ja = File.ReadAllText(a);
        Assert.Equal(WithoutTimings(ja), WithoutTimings(File.ReadAllText(b)));
        Assert.Contains("\"timings\"", ja);
    }

    [Fact]
    public void Json_report_has_the_documented_keys()
    {
        var data = Ugd();
        var json = _tmp.File("r.json");
        Assert.Equal(0, Tool.Run("analyze", data, "--json", json, "-q").ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal("spectra.report/2", root.GetProperty("schema").GetString());
        string[] paths =
        {
            "tool.version", "input.path", "input.kind", "input.files", "input.skipped", "input.content_hash", "input.content_hash_algorithm",
            "matrix.requested", "matrix.computed", "matrix.samples", "matrix.features", "matrix.centered", "matrix.standardized",
            "backend.name", "backend.library", "backend.threads", "spectrum.eigenvalues", "spectrum.zero_modes",
            "power_law.alpha", "power_law.r2", "power_law.ci_low", "power_law.ci_high",
            "spacing_ratio.mean", "spacing_ratio.se", "spacing_ratio.goe_position", "spacing_distribution.kl_goe", "spacing_distribution.kl_poisson",
            "form_factor.thouless_time", "entropy.value", "entropy.normalized", "entropy.effective_rank",
            "marchenko_pastur.q", "marchenko_pastur.lambda_plus", "marchenko_pastur.above_edge", "verdict.class", "timings",
        };
        foreach (var path in paths)
        {
            var e = root;
            foreach (var part in path.Split('.')) Assert.True(e.TryGetProperty(part, out e), "missing " + path);
        }
        Assert.Equal(600, root.GetProperty("matrix").GetProperty("samples").GetInt32());
        Assert.Equal(64, root.GetProperty("spectrum").GetProperty("eigenvalues").GetArrayLength());
        Assert.Equal("npy", root.GetProperty("input").GetProperty("kind").GetString());
        // Uncorrelated data: q = 64/599, and no level far above the MP edge.
        Assert.Equal(64.0 / 599, root.GetProperty("marchenko_pastur").GetProperty("q").GetDouble(), 12);
        Assert.InRange(root.GetProperty("marchenko_pastur").GetProperty("above_edge").GetInt32(), 0, 2);
    }

    [Fact]
    public void Simulated_goe_and_poisson_levels_read_as_their_classes()
    {
        var goe = Tool.Run("simulate", "goe", "--levels", "2000", "--seed", "1", "--json", _tmp.File("goe.json"));
        var poisson = Tool.Run("simulate", "poisson", "--levels", "2000", "--seed", "1", "--json", _tmp.File("poisson.json"));
        Assert.Equal(0, goe.ExitCode);
        Assert.Equal(0, poisson.ExitCode);
        double Mean(string f) => JsonDocument.Parse(File.ReadAllText(_tmp.File(f))).RootElement.GetProperty("spacing_ratio").GetProperty("mean").GetDouble();
        // ~1900 bulk ratios: one draw scatters by ≈ 0.012 (SCIENCE.md: 0.016 for 1000 levels); 0.04 is over three of that, and still far from the other class.
        Assert.InRange(Mean("goe.json"), 0.5307 - 0.04, 0.5307 + 0.04);
        Assert.InRange(Mean("poisson.json"), 0.38629 - 0.04, 0.38629 + 0.04);
        Assert.Contains("verdict: GOE-like", goe.Out);
        Assert.Contains("verdict: Poisson-like", poisson.Out);
    }

    [Fact]
    public void Missing_path_is_one_clear_message_and_exit_3()
    {
        var run = Tool.Run("analyze", _tmp.File("nope"));
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no such file or folder", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void Unknown_option_value_is_exit_3()
    {
        var run = Tool.Run("analyze", Ugd(), "--matrix", "hessian");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("hessian", run.Err);
    }

    [Fact]
    public void Corrupt_file_is_exit_3_without_stack_trace_and_verbose_adds_it()
    {
        var bad = _tmp.File("bad.npy");
        File.WriteAllBytes(bad, new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 20, 0, (byte)'{' });
        var run = Tool.Run("analyze", bad);
        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("error", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        var verbose = Tool.Run("analyze", bad, "--verbose");
        Assert.Equal(3, verbose.ExitCode);
        Assert.Contains("SpectraException", verbose.Err);
    }

    [Fact]
    public void A_file_that_is_no_dataset_is_exit_3_naming_the_file()
    {
        var text = _tmp.File("notes.png");
        File.WriteAllText(text, "this is not an image");
        var run = Tool.Run("analyze", text);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("notes.png", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void Baseline_of_another_schema_or_matrix_kind_is_refused_with_exit_3()
    {
        var data = Ugd();
        var baseline = _tmp.File("b.json");
        Assert.Equal(0, Tool.Run("baseline", data, "-o", baseline, "--replicates", "4", "--sff-realisations", "0", "-q").ExitCode);

        var old = _tmp.File("old.json");
        File.WriteAllText(old, File.ReadAllText(baseline).Replace(Baseline.CurrentSchema, "spectra.baseline/0"));
        var run = Tool.Run("check", data, "--baseline", old);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("spectra.baseline/0", run.Err);

        var gram = Tool.Run("check", data, "--baseline", baseline, "--matrix", "gram");
        Assert.Equal(3, gram.ExitCode);
        Assert.Contains("covariance", gram.Err);
        Assert.DoesNotContain("   at ", gram.Err);
    }

    [Fact]
    public void Check_against_its_own_baseline_passes_and_writes_junit_and_markdown()
    {
        var data = Ugd(800, 48, 11);
        var baseline = _tmp.File("b.json");
        Assert.Equal(0, Tool.Run("baseline", data, "-o", baseline, "--replicates", "6", "--sff-realisations", "0", "-q").ExitCode);
        var junit = _tmp.File("j.xml");
        var md = _tmp.File("s.md");
        var rules = _tmp.File("rules.yaml");
        File.WriteAllText(rules, "rules:\n  - metric: power_law.alpha\n    fail: { max_sigma: 3 }\n  - metric: duplicates.rate\n    fail: { max: 0 }\n");
        var run = Tool.Run("check", data, "--baseline", baseline, "--rules", rules, "--junit", junit, "--markdown", md);
        Assert.Equal(0, run.ExitCode);
        var xml = System.Xml.Linq.XDocument.Load(junit);
        Assert.Equal(2, xml.Descendants("testcase").Count());
        Assert.Contains("## Spectra check: ✅ pass", File.ReadAllText(md));
    }

    [Fact]
    public void A_bad_rules_file_is_exit_3()
    {
        var data = Ugd();
        var baseline = _tmp.File("b.json");
        Assert.Equal(0, Tool.Run("baseline", data, "-o", baseline, "--replicates", "3", "--sff-realisations", "0", "-q").ExitCode);
        var rules = _tmp.File("rules.yaml");
        File.WriteAllText(rules, "rules:\n  - metric: power_law.alpah\n    fail: { max_sigma: 3 }\n");
        var run = Tool.Run("check", data, "--baseline", baseline, "--rules", rules);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("power_law.alpah", run.Err);
    }

    [Fact]
    public void Check_repeats_the_baseline_options_unless_overridden()
    {
        var data = Ugd(500, 40, 21);
        var baseline = _tmp.File("b.json");
        Assert.Equal(0, Tool.Run("baseline", data, "-o", baseline, "--replicates", "3", "--sff-realisations", "0", "--k-top", "4", "--unfolding", "kernel", "-q").ExitCode);
        var inherited = _tmp.File("inherited.json");
        var overridden = _tmp.File("overridden.json");
        Tool.Run("check", data, "--baseline", baseline, "--json", inherited, "-q");
        Tool.Run("check", data, "--baseline", baseline, "--json", overridden, "--k-top", "6", "-q");
        JsonElement Options(string f) => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("options").Clone();
        Assert.Equal("4", Options(inherited).GetProperty("k_top").GetString());
        Assert.Equal("kernel", Options(inherited).GetProperty("unfolding").GetString());
        Assert.Equal("6", Options(overridden).GetProperty("k_top").GetString());
        Assert.Equal("kernel", Options(overridden).GetProperty("unfolding").GetString());
        Assert.Equal(4, JsonDocument.Parse(File.ReadAllText(inherited)).RootElement.GetProperty("spectrum").GetProperty("bulk").GetProperty("k_top").GetInt32());
    }

    /// <summary>Options read from a baseline meet the same rules as options given on the command line, and are named as the baseline's keys, with the baseline.</summary>
    [Theory]
    [InlineData("\"k_top\": \"10\"", "\"k_top\": \"-1\"", "(key options): k_top must be ≥ 0")]
    [InlineData("\"matrix\": \"auto\"", "\"matrix\": \"cov\"", "(key options): matrix 'cov' is not covariance, gram or auto")]
    [InlineData("\"center\": \"true\"", "\"center\": \"true\", \"resize\": \"big\"", "resize 'big' is not WIDTHxHEIGHT")]
    public void A_baseline_holding_an_invalid_option_is_refused(string option, string broken, string message)
    {
        var data = Ugd(300, 20, 5);
        var baseline = _tmp.File("b.json");
        Assert.Equal(0, Tool.Run("baseline", data, "-o", baseline, "--replicates", "3", "--sff-realisations", "0", "--reference-draws", "0", "-q").ExitCode);
        var text = File.ReadAllText(baseline);
        Assert.Contains(option, text);
        File.WriteAllText(baseline, text.Replace(option, broken));
        var run = Tool.Run("check", data, "--baseline", baseline, "-q");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(message, run.Err);
        Assert.Contains(baseline, run.Err);
    }

    [Fact]
    public void Input_kind_is_detected_from_the_path()
    {
        var folder = Path.Combine(_tmp.Path, "tables");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "a.parquet"), "PAR1"u8.ToArray());
        File.WriteAllBytes(Path.Combine(folder, "b.parquet"), "PAR1"u8.ToArray());
        Assert.Equal(InputKind.Parquet, InputDetector.Detect(folder));
        var magic = _tmp.File("table.bin");
        File.WriteAllBytes(magic, "PAR1xxxxPAR1"u8.ToArray());
        Assert.Equal(InputKind.Parquet, InputDetector.Detect(magic));
        Assert.Equal(InputKind.Npy, InputDetector.Detect(Ugd()));
        var idx = _tmp.File("train-images-idx3-ubyte");
        File.WriteAllBytes(idx, new byte[] { 0, 0, 8, 3 });
        Assert.Equal(InputKind.Idx, InputDetector.Detect(idx));
        var images = Path.Combine(_tmp.Path, "images");
        Directory.CreateDirectory(images);
        File.WriteAllBytes(Path.Combine(images, "a.png"), new byte[8]);
        Assert.Equal(InputKind.Images, InputDetector.Detect(images));
        Assert.Throws<SpectraException>(() => InputDetector.Detect(_tmp.File("missing")));
        // Notes beside a table do not make it an image folder; images beside it do.
        File.WriteAllText(Path.Combine(folder, "README.md"), "notes");
        File.WriteAllText(Path.Combine(folder, "summary.json"), "{}");
        File.WriteAllText(Path.Combine(folder, "more.txt"), "notes");
        Assert.Equal(InputKind.Parquet, InputDetector.Detect(folder));
        foreach (var n in new[] { "x.png", "y.png", "z.png" }) File.WriteAllBytes(Path.Combine(folder, n), new byte[8]);
        Assert.Equal(InputKind.Images, InputDetector.Detect(folder));
        var notes = _tmp.File("notes.md");
        File.WriteAllText(notes, "not data");
        Assert.Equal(SpectraErrorKind.Unsupported, Assert.Throws<SpectraException>(() => InputDetector.Detect(notes)).Kind);
        // A text file is a list of levels; one that holds no numbers says where.
        var text = _tmp.File("notes.txt");
        File.WriteAllText(text, "not data");
        Assert.Equal(InputKind.Levels, InputDetector.Detect(text));
        Assert.Equal("line 1", Assert.Throws<SpectraException>(() => LevelsFile.Read(text)).Location);
    }

    [Fact]
    public void The_bundled_parquet_sample_folder_is_analysed_as_parquet()
    {
        var json = _tmp.File("embeddings.json");
        Tool.Run("analyze", Path.Combine(Conformance.ProjectRoot, "data-samples", "embeddings"), "--label-column", "label", "--json", json, "-q");
        var root = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal("parquet", root.GetProperty("input").GetProperty("kind").GetString());
        Assert.Equal(600, root.GetProperty("matrix").GetProperty("samples").GetInt64());
        Assert.Equal(32, root.GetProperty("matrix").GetProperty("features").GetInt32());
    }

    [Fact]
    public void A_covariance_of_fewer_samples_than_features_is_computed_through_the_gram_matrix_and_says_so()
    {
        var data = Ugd(120, 300, 5);
        var json = _tmp.File("wide.json");
        Assert.Equal(0, Tool.Run("analyze", data, "--matrix", "covariance", "--json", json, "-q").ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var m = doc.RootElement.GetProperty("matrix");
        Assert.Equal("covariance", m.GetProperty("requested").GetString());
        Assert.Equal("gram", m.GetProperty("computed").GetString());
        var spectrum = doc.RootElement.GetProperty("spectrum");
        Assert.Equal(300, spectrum.GetProperty("count").GetInt32());
        // Centred rank is M − 1 = 119, so d − M + 1 = 181 eigenvalues are zero.
        Assert.Equal(181, spectrum.GetProperty("zero_modes").GetInt32());
    }
}
