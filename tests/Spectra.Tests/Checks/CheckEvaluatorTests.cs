namespace Spectra.Tests.Checks;

public class CheckEvaluatorTests
{
    private static readonly CheckRule SigmaRule = new("power_law.alpha", new Band { MaxSigma = 4 }, new Band { MaxSigma = 6 });

    private static Baseline BaselineWith(params Metric[] metrics) => new() { Metrics = metrics };

    [Theory]
    [InlineData(0.53, CheckStatus.Pass)]   // 3σ
    [InlineData(0.55, CheckStatus.Warn)]   // 5σ
    [InlineData(0.45, CheckStatus.Warn)]   // −5σ
    [InlineData(0.57, CheckStatus.Fail)]   // 7σ
    public void Sigma_bands_grade_the_distance_from_the_baseline(double value, CheckStatus expected)
    {
        var result = CheckEvaluator.Evaluate(new RuleSet(new[] { SigmaRule }),
            new[] { new Metric("power_law.alpha", value) }, BaselineWith(new Metric("power_law.alpha", 0.5, 0.01)));
        Assert.Equal(expected, result.Status);
        Assert.Equal(Math.Abs(value - 0.5) / 0.01, result.Outcomes[0].Sigma!.Value, 9);
    }

    [Fact]
    public void Exit_codes_follow_the_worst_rule_and_warn_as_error()
    {
        Assert.Equal(0, ExitCodes.For(CheckStatus.Pass, false));
        Assert.Equal(1, ExitCodes.For(CheckStatus.Warn, false));
        Assert.Equal(2, ExitCodes.For(CheckStatus.Warn, true));
        Assert.Equal(2, ExitCodes.For(CheckStatus.Fail, false));
        Assert.Equal(3, ExitCodes.For(CheckStatus.Error, true));
        var rules = new RuleSet(new[] { SigmaRule, new CheckRule("entropy.normalized", Fail: new Band { Min = 0.5 }) });
        var result = CheckEvaluator.Evaluate(rules,
            new[] { new Metric("power_law.alpha", 0.55), new Metric("entropy.normalized", 0.4) },
            BaselineWith(new Metric("power_law.alpha", 0.5, 0.01)));
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal(2, result.ExitCode(false));
        Assert.Equal(1, result.Count(CheckStatus.Warn));
    }

    [Theory]
    [InlineData(0.45, CheckStatus.Fail)]   // midpoint of 0.3863 and 0.5307 is 0.4585
    [InlineData(0.47, CheckStatus.Pass)]
    public void Closer_to_goe_compares_the_distances_to_both_references(double value, CheckStatus expected)
    {
        var rule = new CheckRule("spacing_ratio.mean", Fail: new Band { CloserToGoeThanPoisson = true });
        var result = CheckEvaluator.Evaluate(new RuleSet(new[] { rule }),
            new[] { new Metric("spacing_ratio.mean", value, Goe: 0.5307, Poisson: 0.38629) }, null);
        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void A_missing_metric_or_baseline_value_cannot_be_judged()
    {
        var noMetric = CheckEvaluator.Evaluate(new RuleSet(new[] { SigmaRule }), Array.Empty<Metric>(), BaselineWith(new Metric("power_law.alpha", 0.5, 0.01)));
        Assert.Equal(CheckStatus.Error, noMetric.Status);
        Assert.Equal(3, noMetric.ExitCode(false));
        var noBaseline = CheckEvaluator.Evaluate(new RuleSet(new[] { SigmaRule }), new[] { new Metric("power_law.alpha", 0.5) }, BaselineWith());
        Assert.Equal(CheckStatus.Error, noBaseline.Status);
        var nan = CheckEvaluator.Evaluate(new RuleSet(new[] { SigmaRule }), new[] { new Metric("power_law.alpha", double.NaN) }, BaselineWith(new Metric("power_law.alpha", 0.5, 0.01)));
        Assert.Equal(CheckStatus.Error, nan.Status);
        var noReferences = CheckEvaluator.Evaluate(new RuleSet(new[] { new CheckRule("spacing_ratio.mean", new Band { CloserToGoeThanPoisson = true }) }),
            new[] { new Metric("spacing_ratio.mean", 0.5) }, null);
        Assert.Equal(CheckStatus.Error, noReferences.Status);
    }

    [Fact]
    public void A_zero_spread_is_floored_by_min_spread()
    {
        var rule = new CheckRule("marchenko_pastur.above_edge", new Band { MaxSigma = 4 }, new Band { MaxSigma = 6 }, MinSpread: 1);
        var b = BaselineWith(new Metric("marchenko_pastur.above_edge", 20, 0));
        Assert.Equal(CheckStatus.Pass, CheckEvaluator.Evaluate(new RuleSet(new[] { rule }), new[] { new Metric("marchenko_pastur.above_edge", 23) }, b).Status);
        Assert.Equal(CheckStatus.Fail, CheckEvaluator.Evaluate(new RuleSet(new[] { rule }), new[] { new Metric("marchenko_pastur.above_edge", 27) }, b).Status);
    }

    [Fact]
    public void Default_duplicate_rule_fails_five_percent_duplicates_and_passes_none()
    {
        var rule = DefaultRules.Create().Rules.Single(r => r.Metric == MetricTable.DuplicateRate);
        var b = BaselineWith(new Metric(MetricTable.DuplicateRate, 0.0, 0.0));
        Assert.Equal(CheckStatus.Fail, CheckEvaluator.Evaluate(rule, new Metric(MetricTable.DuplicateRate, 0.05), b.Find(MetricTable.DuplicateRate)).Status);
        Assert.Equal(CheckStatus.Pass, CheckEvaluator.Evaluate(rule, new Metric(MetricTable.DuplicateRate, 0.0), b.Find(MetricTable.DuplicateRate)).Status);
        // A decrease in duplicates is no problem.
        var dirty = BaselineWith(new Metric(MetricTable.DuplicateRate, 0.05, 0.0));
        Assert.Equal(CheckStatus.Pass, CheckEvaluator.Evaluate(rule, new Metric(MetricTable.DuplicateRate, 0.0), dirty.Find(MetricTable.DuplicateRate)).Status);
    }

    [Fact]
    public void A_rise_over_a_zero_duplicate_baseline_is_given_without_a_distance_in_spreads()
    {
        var rule = DefaultRules.Create().Rules.Single(r => r.Metric == MetricTable.DuplicateRate);
        var b = BaselineWith(new Metric(MetricTable.DuplicateRate, 0.0, 0.0));
        var outcome = CheckEvaluator.Evaluate(rule, new Metric(MetricTable.DuplicateRate, 0.1304), b.Find(MetricTable.DuplicateRate));
        Assert.Equal(CheckStatus.Fail, outcome.Status);
        Assert.Null(outcome.Sigma);
        Assert.DoesNotContain("σ", outcome.Message);
        Assert.Contains("increase 0.1304 > 0.01", outcome.Message);
    }

    [Fact]
    public void A_sigma_rule_without_a_baseline_spread_cannot_be_judged_unless_floored()
    {
        var b = BaselineWith(new Metric("power_law.alpha", 0.5));
        Assert.Equal(CheckStatus.Error, CheckEvaluator.Evaluate(SigmaRule, new Metric("power_law.alpha", 0.5), b.Find("power_law.alpha")).Status);
        var floored = SigmaRule with { MinSpread = 0.01 };
        Assert.Equal(CheckStatus.Warn, CheckEvaluator.Evaluate(floored, new Metric("power_law.alpha", 0.55), b.Find("power_law.alpha")).Status);
    }
}
