using System.Text;
using Spectra.Data.Synthetic;

namespace Spectra.Notebooks.Tests;

/// <summary>
/// The one metric table against everything that names metrics: the JSON report, the rules a check
/// accepts, the analysis headline, the notebook API's Metric(key) and docs/report-schema.md.
/// </summary>
public sealed class MetricTableTests : IClassFixture<MetricTableTests.Analysed>
{
    /// <summary>
    /// One analysis in which every metric can be computed: correlated Gaussian data (GOE-like levels,
    /// a power-law spectrum with a tail to fit) and half-subsample realisations, so that the form
    /// factor finds a Thouless time.
    /// </summary>
    public sealed class Analysed
    {
        public DatasetAnalysis Analysis { get; } = Dataset.FromSource(() => GaussianDataSource.Correlated(1024, 128, 0.5, seed: 1), "cgd")
            .Analyze(a => a.SffRealisations(8).ReferenceDraws(3));
    }

    private readonly DatasetAnalysis _a;

    public MetricTableTests(Analysed fixture) => _a = fixture.Analysis;

    [Fact]
    public void Keys_are_unique_dotted_snake_case_and_each_is_described()
    {
        Assert.Equal(MetricTable.All.Count, MetricTable.All.Select(d => d.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(MetricTable.All, d =>
        {
            Assert.Matches("^[a-z_]+(\\.[a-z0-9_]+)+$", d.Key);
            Assert.False(string.IsNullOrWhiteSpace(d.Meaning) || string.IsNullOrWhiteSpace(d.Unit) || string.IsNullOrWhiteSpace(d.HigherMeans), d.Key);
        });
        Assert.All(MetricTable.Renamed, p =>
        {
            Assert.Null(MetricTable.All.FirstOrDefault(d => d.Key == p.Key));
            Assert.NotNull(MetricTable.All.FirstOrDefault(d => d.Key == p.Value));
        });
    }

    /// <summary>A metric with a JSON path is a number there, the very number Metric(key) gives; one without is not in the report under its key.</summary>
    [Fact]
    public void Report_json_holds_each_metric_at_its_path()
    {
        using var json = JsonDocument.Parse(_a.ToJson());
        foreach (var d in MetricTable.All)
        {
            if (d.JsonPath is { } path)
            {
                var e = At(json.RootElement, path);
                Assert.True(e is { ValueKind: JsonValueKind.Number }, $"{d.Key}: no number at {path}");
                Assert.Equal(e!.Value.GetDouble(), _a.Metric(d.Key));
            }
            else Assert.Null(At(json.RootElement, d.Key));
        }
    }

    [Fact]
    public void Rules_accept_exactly_the_checked_metrics()
    {
        foreach (var d in MetricTable.All)
        {
            var yaml = $"rules:\n  - metric: {d.Key}\n    fail: {{ max_sigma: 3 }}\n";
            if (d.Checked) Assert.Equal(d.Key, Assert.Single(RuleSetFile.ParseYaml(yaml).Rules).Metric);
            else Assert.Contains("not checked", Assert.Throws<SpectraException>(() => RuleSetFile.ParseYaml(yaml)).Message);
        }
        Assert.Contains("unknown metric", Assert.Throws<SpectraException>(() => RuleSetFile.ParseYaml("rules:\n  - metric: spacing.kl_wigner\n    fail: { max: 1 }\n")).Message);
    }

    /// <summary>Rules written against report schema 1 still fire, on the metric's new key.</summary>
    [Fact]
    public void Rules_with_schema_1_keys_are_read_under_the_new_key()
    {
        var rules = RuleSetFile.ParseYaml("rules:\n  - metric: spacing.kl_goe\n    fail: { max_sigma: 3 }\n  - metric: spacing.kl_poisson\n    warn: { max_sigma: 2 }\n").Rules;
        Assert.Equal(new[] { MetricTable.SpacingKlGoe, MetricTable.SpacingKlPoisson }, rules.Select(r => r.Metric));
    }

    /// <summary>A baseline records exactly the checked metrics; the headline names only keys of the table and all the analyzers' ones.</summary>
    [Fact]
    public void Baseline_metrics_and_headline_use_the_table()
    {
        Assert.Equal(MetricTable.CheckedKeys.Order(StringComparer.Ordinal), _a.Metrics.Select(m => m.Key).Order(StringComparer.Ordinal));
        var headline = _a.Report.Headline().Select(m => m.Key).ToList();
        Assert.Equal(headline.Count, headline.Distinct(StringComparer.Ordinal).Count());
        Assert.All(headline, k => Assert.NotNull(MetricTable.Find(k)));
        var analyzers = MetricTable.All.Select(d => d.Key).Where(k => !MetricTable.CountsWholeInput(k));
        Assert.Equal(analyzers.Order(StringComparer.Ordinal), headline.Order(StringComparer.Ordinal));
    }

    /// <summary>Every key of the table (and so every key the notebook HTML shows) has a value, the same from the baseline's metrics and the headline.</summary>
    [Fact]
    public void Notebook_metric_reads_every_key_and_agrees_with_the_headline()
    {
        var headline = _a.Report.Headline().ToDictionary(m => m.Key, m => m.Value);
        foreach (var d in MetricTable.All)
        {
            var v = _a.Metric(d.Key);
            Assert.True(v is { } x && double.IsFinite(x), d.Key);
            if (headline.TryGetValue(d.Key, out var h)) Assert.Equal(h, v);
        }
        Assert.Equal(_a.Metric(MetricTable.SpacingKlGoe), _a.Metric("spacing.kl_goe"));
        Assert.Equal(_a.Metric(MetricTable.PowerLawR2), _a.Metric("power_law.r_squared"));
        Assert.Contains("known metrics", Assert.Throws<ArgumentException>(() => _a.Metric("spacing_ratio.avg")).Message);
    }

    [Fact]
    public void Report_schema_doc_prints_the_table()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "report-schema.md")).Replace("\r\n", "\n");
        Assert.Contains(Markdown(), doc);
        var documented = Regex.Matches(doc, @"^\| `([a-z_.0-9]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.All(MetricTable.All, d => Assert.Contains(d.Key, documented));
    }

    /// <summary>The table as docs/report-schema.md holds it, between its heading and the next section.</summary>
    private static string Markdown()
    {
        var sb = new StringBuilder("| key | meaning | unit | higher means | JSON report | checked |\n|---|---|---|---|---|---|\n");
        foreach (var d in MetricTable.All)
            sb.Append($"| `{d.Key}` | {d.Meaning} | {d.Unit} | {d.HigherMeans} | {(d.JsonPath is { } p ? $"`{p}`" : "–")} | {(d.Checked ? "yes" : "no")} |\n");
        return sb.ToString();
    }

    private static JsonElement? At(JsonElement root, string path)
    {
        var e = root;
        foreach (var part in path.Split('.'))
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(part, out e)) return null;
        return e;
    }
}
