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
        // The two compared distributions overlaid, each with both sides in its legend.
        foreach (var overlay in new[] { "compare-spacing", "compare-ratio" })
            Assert.Equal(1, Charts(File.ReadAllText(html), overlay));
        Assert.Contains("B (n = ", File.ReadAllText(html));
        Assert.StartsWith("## ", File.ReadAllText(md));
        Assert.Contains("|---|", File.ReadAllText(md));
    }
}

/// <summary>
/// The attribution page draws each eigenvector as its image: on 8 × 8 images whose pixel (row 2, column 5) varies
/// thirty times more than the rest, the top eigenvector is that pixel, drawn as one full-strength cell at column 5,
/// two rows below the top edge (x = 70 + 5/8 · 240, y = 40 + 2/8 · 240 on the page).
/// </summary>
public class AttributionChartsTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void The_top_eigenvector_of_one_loud_pixel_is_drawn_at_that_pixel()
    {
        const int m = 400, side = 8;
        var rng = new Random(5);
        var rows = new double[m * side * side];
        for (var i = 0; i < rows.Length; i++) rows[i] = 0.5 + 0.01 * (rng.NextDouble() - 0.5);
        for (var r = 0; r < m; r++) rows[r * side * side + 2 * side + 5] = rng.NextDouble();
        var data = _tmp.File("loud.npy");
        NpyWriter.Write(data, rows, new long[] { m, side, side });
        var (json, html) = (_tmp.File("a.json"), _tmp.File("a.html"));
        var run = Tool.Run("attribute", data, "--json", json, "--html", html, "-q");
        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var result = doc.RootElement.GetProperty("result");
        Assert.Equal(new[] { side, side, 1 }, result.GetProperty("image_size").EnumerateArray().Select(e => e.GetInt32()));
        var vector = result.GetProperty("components")[0].GetProperty("vector").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(side * side, vector.Length);
        Assert.True(vector[2 * side + 5] > 0.999, $"component on the loud pixel: {vector[2 * side + 5]}");
        var page = File.ReadAllText(html);
        var chart = page[page.IndexOf("id=\"attribution-vector-1\"", StringComparison.Ordinal)..];
        chart = chart[..chart.IndexOf("</svg>", StringComparison.Ordinal)];
        var strong = System.Text.RegularExpressions.Regex.Matches(chart, "<rect x=\"([0-9.]+)\" y=\"([0-9.]+)\"[^>]*fill-opacity=\"1\"/>");
        Assert.Single(strong);
        Assert.Equal("220", strong[0].Groups[1].Value);
        Assert.Equal("100", strong[0].Groups[2].Value);

        // Beside it the samples that score highest, drawn as they are: the top one's loud pixel is its brightest
        // (darkest ink, at x = 70 + 5/8 · 120, y = 40 + 2/8 · 120) when it scores positive, its darkest (no ink) otherwise.
        var top = result.GetProperty("components")[0].GetProperty("top_samples")[0];
        Assert.False(top.TryGetProperty("pixels", out _));
        var sample = page[page.IndexOf("id=\"attribution-sample-1-1\"", StringComparison.Ordinal)..];
        sample = sample[..sample.IndexOf("</svg>", StringComparison.Ordinal)];
        Assert.Contains(System.Net.WebUtility.HtmlEncode(top.GetProperty("name").GetString()!), sample);
        var cell = System.Text.RegularExpressions.Regex.Match(sample, "<rect x=\"145\" y=\"70\"[^>]*fill-opacity=\"([0-9.]+)\"/>");
        if (top.GetProperty("score").GetDouble() > 0) Assert.Equal("1", cell.Groups[1].Value);
        else Assert.False(cell.Success, cell.Value);
        Assert.Equal(3, AttributionChartsDrawn(page, 1));
    }

    private static int AttributionChartsDrawn(string page, int rank) => page.Split($"class=\"spectra-chart\" id=\"attribution-sample-{rank}-").Length - 1;
}
