namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>`spectra check --html`, the page the nightly CI uploads: the rules' verdicts and the baseline come before the analysis.</summary>
public class CheckHtmlPageTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Simulate(string kind, params string[] extra)
    {
        var path = _tmp.File($"{kind}-{string.Join("-", extra)}.npy");
        var run = Tool.Run(new[] { "simulate", kind, "--samples", "800", "--features", "48", "-o", path, "-q" }.Concat(extra).ToArray());
        Assert.Equal(0, run.ExitCode);
        return path;
    }

    [Fact]
    public void The_check_page_leads_with_every_rule_and_the_baseline_then_the_analysis()
    {
        var clean = Simulate("ugd", "--seed", "11");
        var baseline = _tmp.File("b.json");
        Assert.Equal(0, Tool.Run("baseline", clean, "-o", baseline, "--replicates", "6", "--sff-realisations", "0", "-q").ExitCode);

        var passPage = _tmp.File("pass.html");
        var pass = Tool.Run("check", clean, "--baseline", baseline, "--html", passPage, "-q");
        Assert.Equal(0, pass.ExitCode);
        var html = File.ReadAllText(passPage);

        // One row per rule with its status; the default rule set has more than five rules.
        var rows = Regex.Matches(html, "<tr><td class=\"n\">\\d+</td><td>[^<]+</td><td class=\"(pass|warn|fail|error)\">").Count;
        Assert.True(rows >= 5, $"{rows} rule rows on the check page");
        Assert.Contains("id=\"check-verdict\"", html);
        Assert.Contains("<b>PASS</b>", html);
        Assert.Contains(baseline, html);
        Assert.Contains("id=\"baseline-provenance\"", html);
        Assert.Contains("(spectra.baseline/", html);
        // The baseline's metrics with their spreads: at least one finite spread.
        var metrics = html[html.IndexOf("id=\"baseline-metrics\"", StringComparison.Ordinal)..];
        Assert.Matches("<tr><td>power_law\\.alpha</td><td class=\"n\">[-0-9.eE]+</td><td class=\"n\">[0-9.eE-]+</td>", metrics);

        // Order: verdicts, then the baseline, then today's analysis with its charts.
        var order = new[] { "id=\"check-verdict\"", "id=\"rules\"", "id=\"baseline-provenance\"", "id=\"verdict\"", "class=\"spectra-chart\" id=\"chart-rank\"" }
            .Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order().ToList(), order);

        // A changed spectrum fails, and the page says so in the verdict and in the rule's row.
        var changed = Simulate("cgd", "--alpha", "1", "--seed", "12");
        var failPage = _tmp.File("fail.html");
        Assert.Equal(2, Tool.Run("check", changed, "--baseline", baseline, "--html", failPage, "-q").ExitCode);
        var failed = File.ReadAllText(failPage);
        Assert.Contains("class=\"verdict status-fail\" id=\"check-verdict\"", failed);
        Assert.Contains("<td class=\"fail\">fail</td>", failed);
    }
}
