using System.Globalization;
using System.Text.Json;
using Spectra.Cli.Tests.TestSupport;
using Spectra.Tests.TestSupport;

namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// The study pages show their results as pictures and the studies write Markdown: the surrogates' null histograms
/// mark the data's own value (the one in the JSON), single-image draws its k-th-order ratios, compare its
/// differences in spreads; every Markdown table has the rows its JSON has.
/// </summary>
public class StudyChartsTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Samples(string name) => Path.Combine(Conformance.ProjectRoot, "data-samples", name);

    private static int Charts(string html, string prefix) => html.Split($"class=\"spectra-chart\" id=\"{prefix}").Length - 1;

    [Fact]
    public void Surrogate_histograms_mark_the_value_of_the_data()
    {
        var (json, html, md) = (_tmp.File("s.json"), _tmp.File("s.html"), _tmp.File("s.md"));
        var run = Tool.Run("surrogates", Samples("digits"), "--draws", "4", "--json", json, "--html", html, "--markdown", md, "-q");
        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var statistics = doc.RootElement.GetProperty("result").GetProperty("statistics").EnumerateArray().ToList();
        var page = File.ReadAllText(html);
        Assert.Equal(statistics.Count, Charts(page, "surrogates-"));
        foreach (var s in statistics)
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"data {s.GetProperty("real").GetDouble():G4}"), page);
        var markdown = File.ReadAllLines(md);
        // One row per statistic and surrogate kind.
        int rows = statistics.Sum(s => s.GetProperty("surrogates").GetArrayLength());
        Assert.Equal(rows, markdown.Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 1);
    }

    [Fact]
    public void Single_image_draws_its_kth_order_ratios()
    {
        var html = _tmp.File("si.html");
        var run = Tool.Run("single-image", Path.Combine(Samples("fields"), "0000.png"), "--html", html, "-q");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal(1, Charts(File.ReadAllText(html), "single-image-orders"));
    }

    [Fact]
    public void Compare_draws_the_differences_in_spreads_and_writes_markdown()
    {
        var (html, md) = (_tmp.File("c.html"), _tmp.File("c.md"));
        var run = Tool.Run("compare", Samples("digits"), Samples("fields"), "--html", html, "--markdown", md, "-q");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, Charts(File.ReadAllText(html), "compare-sigmas"));
        Assert.StartsWith("## ", File.ReadAllText(md));
        Assert.Contains("|---|", File.ReadAllText(md));
    }
}
