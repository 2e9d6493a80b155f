namespace Spectra.Tests.Checks;

public class RuleSetFileTests
{
    private const string Yaml = """
        schema: spectra.rules/1
        rules:
          - metric: power_law.alpha
            warn: { max_sigma: 3 }
            fail: { max_sigma: 5, min: 0.1, max: 2 }
          - metric: spacing_ratio.mean
            name: level repulsion
            fail: { closer_to_goe_than_poisson: true }
          - metric: duplicates.rate
            min_spread: 0.5
            warn: { max_increase: 0.001 }
            fail: { max_delta: 0.02 }
        """;

    private const string Json = """
        { "schema": "spectra.rules/1",
          "rules": [
            { "metric": "power_law.alpha", "warn": { "max_sigma": 3 }, "fail": { "max_sigma": 5, "min": 0.1, "max": 2 } },
            { "metric": "spacing_ratio.mean", "name": "level repulsion", "fail": { "closer_to_goe_than_poisson": true } },
            { "metric": "duplicates.rate", "min_spread": 0.5, "warn": { "max_increase": 0.001 }, "fail": { "max_delta": 0.02 } }
          ] }
        """;

    [Fact]
    public void Yaml_rules_read_every_band_kind()
    {
        var rules = RuleSetFile.ParseYaml(Yaml).Rules;
        Assert.Equal(3, rules.Count);
        Assert.Equal(new Band { MaxSigma = 3 }, rules[0].Warn);
        Assert.Equal(new Band { MaxSigma = 5, Min = 0.1, Max = 2 }, rules[0].Fail);
        Assert.Equal("level repulsion", rules[1].DisplayName);
        Assert.True(rules[1].Fail!.CloserToGoeThanPoisson);
        Assert.Null(rules[1].Warn);
        Assert.Equal(0.5, rules[2].MinSpread);
        Assert.Equal(0.001, rules[2].Warn!.MaxIncrease);
        Assert.Equal(0.02, rules[2].Fail!.MaxDelta);
    }

    [Fact]
    public void Json_rules_mean_the_same_as_yaml() =>
        Assert.Equal(RuleSetFile.ParseYaml(Yaml).Rules, RuleSetFile.ParseJson(Json).Rules);

    [Fact]
    public void A_misspelt_key_is_an_error_with_its_line()
    {
        var e = Assert.Throws<SpectraException>(() => RuleSetFile.ParseYaml("rules:\n  - metric: power_law.alpha\n    warn: { max_sigmaa: 3 }\n"));
        Assert.Contains("line 3", e.Message);
        Assert.Throws<SpectraException>(() => RuleSetFile.ParseJson("""{ "rules": [ { "metric": "power_law.alpha", "wran": { "max": 1 } } ] }"""));
    }

    [Fact]
    public void An_unknown_metric_is_an_error_that_lists_the_known_ones()
    {
        var e = Assert.Throws<SpectraException>(() => RuleSetFile.ParseYaml("rules:\n  - metric: power_law.beta\n    fail: { max: 1 }\n"));
        Assert.Contains("power_law.beta", e.Message);
        Assert.Contains("spacing_ratio.mean", e.Message);
        Assert.Contains("rule 1", e.Message);
    }

    [Theory]
    [InlineData("rules:\n  - metric: power_law.alpha\n")]
    [InlineData("rules:\n  - metric: power_law.alpha\n    warn: { max_sigma: -1 }\n")]
    [InlineData("rules:\n  - metric: power_law.alpha\n    fail: { min: 2, max: 1 }\n")]
    [InlineData("schema: spectra.rules/9\nrules:\n  - metric: power_law.alpha\n    fail: { max: 1 }\n")]
    [InlineData("")]
    [InlineData("rules: [\n")]
    public void Inconsistent_rules_are_refused(string yaml) =>
        Assert.Throws<SpectraException>(() => RuleSetFile.ParseYaml(yaml));

    [Fact]
    public void Include_defaults_adds_the_default_rules_before_the_given_ones()
    {
        var rules = RuleSetFile.ParseYaml("include_defaults: true\nrules:\n  - metric: power_law.r2\n    fail: { min: 0.9 }\n").Rules;
        Assert.Equal(DefaultRules.Create().Rules.Count + 1, rules.Count);
        Assert.Equal("power_law.r2", rules[^1].Metric);
    }

    [Fact]
    public void Default_rules_only_name_known_metrics_and_include_a_duplicate_rule()
    {
        var rules = DefaultRules.Create().Rules;
        Assert.All(rules, r => Assert.Contains(r.Metric, MetricTable.CheckedKeys));
        Assert.Contains(rules, r => r.Metric == MetricTable.DuplicateRate && r.Fail?.MaxIncrease is not null);
    }
}
