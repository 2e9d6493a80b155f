using System.Xml.Linq;

namespace Spectra.Tests.Checks;

public class CheckWritersTests
{
    private static CheckResult Mixed() => CheckEvaluator.Evaluate(
        new RuleSet(new[]
        {
            new CheckRule("power_law.alpha", new Band { MaxSigma = 4 }, new Band { MaxSigma = 6 }),
            new CheckRule("entropy.normalized", new Band { MaxSigma = 4 }, new Band { MaxSigma = 6 }),
            new CheckRule("duplicates.rate", Fail: new Band { Max = 0.01 }),
            new CheckRule("spacing_distribution.kl_goe", Fail: new Band { Max = 0.1 }),
        }),
        new[] { new Metric("power_law.alpha", 0.5), new Metric("entropy.normalized", 0.75), new Metric("duplicates.rate", 0.05) },
        new Baseline { Metrics = new[] { new Metric("power_law.alpha", 0.5, 0.01), new Metric("entropy.normalized", 0.7, 0.01) } });

    [Fact]
    public void JUnit_has_one_case_per_rule_with_failures_and_errors_counted()
    {
        var result = Mixed();
        Assert.Equal(new[] { CheckStatus.Pass, CheckStatus.Warn, CheckStatus.Fail, CheckStatus.Error }, result.Outcomes.Select(o => o.Status));
        var doc = XDocument.Parse(JUnitCheckWriter.Write(result, "spectra check", warnAsError: false));
        var suite = doc.Root!.Element("testsuite")!;
        Assert.Equal("4", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        Assert.Equal("1", suite.Attribute("errors")!.Value);
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(4, cases.Count);
        Assert.NotNull(cases[2].Element("failure"));
        Assert.NotNull(cases[3].Element("error"));
        Assert.Contains("WARNING", cases[1].Element("system-out")!.Value);

        var strict = XDocument.Parse(JUnitCheckWriter.Write(result, "spectra check", warnAsError: true));
        Assert.Equal("2", strict.Root!.Element("testsuite")!.Attribute("failures")!.Value);
    }

    [Fact]
    public void Markdown_has_the_verdict_and_one_row_per_rule()
    {
        var md = MarkdownCheckWriter.Write(Mixed(), "data|new", "base.json");
        Assert.StartsWith("## Spectra check: ⛔ could not compute", md);
        var rows = md.Split('\n').Where(l => l.StartsWith("| ") && !l.StartsWith("| rule")).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains("5σ", rows[1]);
        Assert.All(rows, r => Assert.Equal(7, r.Replace("\\|", "").Count(c => c == '|')));
    }
}
