using Spectra.Reports.Document;

namespace Spectra.Tests.Checks;

public class SkippedFileRuleTests
{
    private static InputSection Input(string kind, int files, int skipped) => new(
        "in", kind, files, Enumerable.Range(0, skipped).Select(i => new SkippedEntry($"bad{i}.png", "truncated")).ToList(),
        null, 0, 0, Array.Empty<DuplicateExample>(), 0, Array.Empty<string>());

    private static CheckStatus Grade(InputSection input)
    {
        var rule = DefaultRules.Create().Rules.Single(r => r.Metric == MetricTable.SkippedFileRate);
        var metric = new Metric(MetricTable.SkippedFileRate, FingerprintMetrics.SkippedFileRate(input));
        // No baseline: the rule is absolute, so an old baseline without the metric still checks it.
        return CheckEvaluator.Evaluate(rule, metric, null).Status;
    }

    [Fact]
    public void The_rate_is_the_skipped_share_of_the_files_found()
    {
        Assert.Equal(2.0 / 200, FingerprintMetrics.SkippedFileRate(Input("images", 198, 2)), 15);
        Assert.Equal(0, FingerprintMetrics.SkippedFileRate(Input("images", 0, 0)));
        // Skipped Parquet items are columns, not unreadable files.
        Assert.Equal(0, FingerprintMetrics.SkippedFileRate(Input("parquet", 1, 2)));
    }

    [Fact]
    public void No_skipped_file_passes_one_warns_and_more_than_one_in_a_hundred_fails()
    {
        Assert.Equal(CheckStatus.Pass, Grade(Input("images", 500, 0)));
        Assert.Equal(CheckStatus.Warn, Grade(Input("images", 499, 1)));
        Assert.Equal(CheckStatus.Warn, Grade(Input("images", 99, 1)));
        Assert.Equal(CheckStatus.Fail, Grade(Input("images", 98, 2)));
        Assert.Equal(CheckStatus.Pass, Grade(Input("parquet", 1, 3)));
    }
}
