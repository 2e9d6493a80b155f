namespace Spectra.Tests.Checks;

public class ThoulessRuleTests
{
    private const string Key = MetricTable.ThoulessTime;

    private static readonly RuleSet Rules = new(new[] { new CheckRule(Key, new Band { MaxSigma = 4 }, new Band { MaxSigma = 6 }) });

    private static Baseline BaselineWith(params Metric[] metrics) => new() { Metrics = metrics };

    private static RuleOutcome Check(Metric[] today, Baseline baseline) => CheckEvaluator.Evaluate(Rules, today, baseline).Outcomes.Single();

    [Fact]
    public void None_today_and_in_the_baseline_is_no_change()
    {
        var o = Check(Array.Empty<Metric>(), BaselineWith());
        Assert.Equal(CheckStatus.Pass, o.Status);
        Assert.Contains("none", o.Message);
        Assert.DoesNotContain("re-create", o.Message);
    }

    [Fact]
    public void None_today_against_a_value_is_compared_as_the_heisenberg_time()
    {
        // Baseline 0.9 ± 0.05: τ_Th ≥ 1 is at least 2σ away (pass); baseline 0.01 ± 0.001: ≥ 990σ (fail).
        var near = Check(Array.Empty<Metric>(), BaselineWith(new Metric(Key, 0.9, 0.05)));
        Assert.Equal(CheckStatus.Pass, near.Status);
        Assert.Equal(2, near.Sigma!.Value, 9);
        Assert.Null(near.Value);
        var far = Check(Array.Empty<Metric>(), BaselineWith(new Metric(Key, 0.01, 0.001)));
        Assert.Equal(CheckStatus.Fail, far.Status);
        Assert.Equal(990, far.Sigma!.Value, 6);
        Assert.Contains("none", far.Message);
    }

    [Fact]
    public void A_value_against_a_baseline_of_none_uses_this_runs_spread()
    {
        var o = Check(new[] { new Metric(Key, 0.02, 0.005) }, BaselineWith());
        Assert.Equal(CheckStatus.Fail, o.Status);
        Assert.Equal((1 - 0.02) / 0.005, o.Sigma!.Value, 6);
        Assert.Null(o.BaselineValue);
        Assert.DoesNotContain("re-create", o.Message);
    }

    [Theory]
    [InlineData(0.012, CheckStatus.Pass)]   // 1σ of this run's 0.002
    [InlineData(0.019, CheckStatus.Warn)]   // 4.5σ
    [InlineData(0.025, CheckStatus.Fail)]   // 7.5σ
    public void A_baseline_without_spread_is_scaled_by_this_runs_spread(double value, CheckStatus expected)
    {
        var o = Check(new[] { new Metric(Key, value, 0.002) }, BaselineWith(new Metric(Key, 0.01)));
        Assert.Equal(expected, o.Status);
        Assert.Equal(Math.Abs(value - 0.01) / 0.002, o.Sigma!.Value, 6);
        Assert.DoesNotContain("re-create", o.Message);
        Assert.Contains("this run's jackknife spread", o.Message);
    }

    [Fact]
    public void Without_any_spread_the_rule_asks_for_min_spread_not_a_new_baseline()
    {
        var o = Check(new[] { new Metric(Key, 0.02) }, BaselineWith(new Metric(Key, 0.01)));
        Assert.Equal(CheckStatus.Error, o.Status);
        Assert.Contains("min_spread", o.Message);
        Assert.DoesNotContain("re-create", o.Message);
        var floored = CheckEvaluator.Evaluate(new RuleSet(new[] { Rules.Rules[0] with { MinSpread = 0.005 } }),
            new[] { new Metric(Key, 0.02) }, BaselineWith(new Metric(Key, 0.01))).Outcomes.Single();
        Assert.Equal(CheckStatus.Pass, floored.Status);
        Assert.Equal(2, floored.Sigma!.Value, 9);
    }
}
