namespace Spectra.Tests.Checks;

/// <summary>A baseline or rules file that does not say what it seems to say is one error naming the file and the key.</summary>
public class StrictConfigurationTests
{
    private static string Valid() => BaselineFile.ToJson(new Baseline
    {
        ToolVersion = "0.1.0", InputPath = "x", InputKind = "npy", MatrixRequested = "auto", MatrixComputed = "gram",
        Samples = 30, Features = 64,
        Options = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["k_top"] = "10", ["eta"] = "0.5", ["center"] = "true" },
        Replicates = 2, Seed = 0, BootstrapMethod = "half",
        Metrics = [new Metric("spacing_ratio.mean", 0.53, 0.01)],
    });

    [Theory]
    [InlineData("\"samples\": 30", "\"samples\": \"many\"", "key matrix.samples", "must be an integer ≥ 0")]
    [InlineData("\"samples\": 30", "\"samples\": -3", "key matrix.samples", "must be an integer ≥ 0")]
    [InlineData("\"spread\": 0.01", "\"spread\": -1", "key metrics.spacing_ratio.mean.spread", "≥ 0")]
    [InlineData("\"spread\": 0.01", "\"spread\": \"wide\"", "key metrics.spacing_ratio.mean.spread", "a number or null")]
    [InlineData("\"spread\": 0.01", "\"spread\": 0.01, \"sprad\": 1", "key metrics.spacing_ratio.mean.sprad", "unknown key 'sprad'")]
    [InlineData("\"replicates\": 2", "\"replicates\": 2, \"replicates\": 3", null, "Duplicate")]
    [InlineData("\"spacing_ratio.mean\"", "\"spacing_ratio.man\"", "key metrics.spacing_ratio.man", "unknown metric")]
    public void A_broken_baseline_names_the_file_and_the_key(string from, string to, string? location, string says)
    {
        var text = Valid();
        Assert.Contains(from, text);
        var e = Assert.Throws<SpectraException>(() => BaselineFile.Parse(text.Replace(from, to), "nightly.json"));
        Assert.Equal("nightly.json", e.File);
        if (location is not null) Assert.Equal(location, e.Location);
        Assert.Contains(says, e.Reason);
    }

    [Theory]
    [InlineData("k_top", "-5", "k_top must be ≥ 0")]
    [InlineData("eta", "banana", "option 'eta' is 'banana', not a finite number")]
    [InlineData("eta", "-1", "eta must be a positive number")]
    [InlineData("center", "yes", "not true or false")]
    [InlineData("k_tops", "3", "unknown option 'k_tops'")]
    [InlineData("matrix", "big", "matrix 'big' is not covariance, gram or auto")]
    public void A_baseline_option_out_of_range_or_unknown_names_the_baseline(string key, string value, string says)
    {
        var baseline = BaselineFile.Parse(Valid(), "nightly.json");
        var options = new SortedDictionary<string, string>(baseline.Options.ToDictionary(), StringComparer.Ordinal) { [key] = value };
        var e = Assert.Throws<SpectraException>(() => Job.Checked(baseline with { Options = options }, "nightly.json"));
        Assert.Equal("nightly.json", e.File);
        Assert.Equal("key options", e.Location);
        Assert.Contains(says, e.Reason);
        Job.Checked(baseline, "nightly.json"); // the file's own options pass
    }

    [Fact]
    public void Every_option_a_run_records_passes_the_check()
    {
        var request = new AnalysisRequest
        {
            Color = ImageColorMode.Rgb, Resize = (5, 7), MaxSamples = 40, Seed = -9, Include = ["a/*"], Exclude = ["b/*"],
            Columns = ["x", "y"], ListColumn = "e", LabelColumn = "l", Nulls = NullPolicy.DropRow,
            Matrix = MatrixRequest.Gram, Center = false, Standardize = true, DropNonFinite = true,
            KTop = 0, KBottom = 3, Unfolding = UnfoldingMethod.GaussianKernel, SffRealisations = 3, StartRank = 2, EndRank = 9, ReferenceDraws = 4, Eta = 0.1 + 0.2,
        };
        var map = request.OptionMap();
        Assert.Equal(23, map.Count);
        Assert.Equal(map, AnalysisRequest.Default.WithRecorded(map).OptionMap());
    }

    [Fact]
    public void Option_values_that_do_not_parse_are_never_a_silent_default()
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["eta"] = "banana" };
        Assert.Throws<SpectraException>(() => AnalysisRequest.Default.WithRecorded(map));
        map["eta"] = "0.25";
        Assert.Equal(0.25, AnalysisRequest.Default.WithRecorded(map).Eta);
    }

    [Theory]
    [InlineData("rules:\n  - metric: spacing_ratio.mean\n    warn: {max_sigmas: 3}\n", "unknown key 'max_sigmas' (known keys here: min, max, max_sigma")]
    [InlineData("rules:\n  - metric: spacing_ratio.mean\n    warn: {max_sigma: 3}\n    warn: {max_sigma: 9}\n", "duplicate key")]
    [InlineData("rules:\n  - metric: spacing_ratio.mean\n    warn: {max_sigma: three}\n", "wrong type")]
    [InlineData("rulez: []\n", "unknown key 'rulez'")]
    [InlineData("rules: [[[[1]]]]\n", "expected a rule (metric")]
    [InlineData("rules:\n  - metric: spacing_ratio.mean\n    name: [[1]]\n", "expected text")]
    [InlineData("schema: {a: {b: 1}}\n", "expected text")]
    public void Yaml_rule_errors_are_in_the_files_terms(string yaml, string says)
    {
        var e = Assert.Throws<SpectraException>(() => RuleSetFile.ParseYaml(yaml, "rules.yaml"));
        Assert.Equal("rules.yaml", e.File);
        Assert.Contains(says, e.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Dto", e.Message);
        Assert.DoesNotContain("System.", e.Message);
        Assert.DoesNotContain("Version=", e.Message);
        Assert.StartsWith("line ", e.Location);
    }

    [Theory]
    [InlineData("{\"rules\": [{\"metric\": \"spacing_ratio.mean\", \"warn\": {\"max_sigmas\": 3}}]}", "unknown key 'max_sigmas'")]
    [InlineData("{\"rules\": [{\"metric\": \"spacing_ratio.mean\", \"warn\": {\"max_sigma\": \"three\"}}]}", "the value of 'rules[0].warn.max_sigma' must be a number")]
    [InlineData("{\"rules\": [{\"metric\": \"spacing_ratio.mean\", \"warn\": {\"max_sigma\": 3}}], \"rules\": []}", "duplicate")]
    public void Json_rule_errors_are_in_the_files_terms(string json, string says)
    {
        var e = Assert.Throws<SpectraException>(() => RuleSetFile.ParseJson(json, "rules.json"));
        Assert.Contains(says, e.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("System.", e.Message);
        Assert.DoesNotContain("Dto", e.Message);
    }
}
