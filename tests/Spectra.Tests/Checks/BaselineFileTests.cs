namespace Spectra.Tests.Checks;

public class BaselineFileTests
{
    private static Baseline Sample() => new()
    {
        ToolVersion = "0.1.0", InputPath = "data/x", InputKind = "npy", ContentHash = "ab12",
        MatrixRequested = "covariance", MatrixComputed = "covariance", Samples = 3000, Features = 784,
        Options = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["seed"] = "7", ["matrix"] = "covariance" },
        Replicates = 20, Seed = 7, BootstrapMethod = "half", ReplicateSamples = 1499.25,
        Metrics = new[]
        {
            new Metric("power_law.alpha", 0.1 + 0.2, 1.0 / 3),
            new Metric("spacing_ratio.mean", 0.5301, 0.004, 0.5307, 0.38629, ReplicateMean: 0.5289),
        },
    };

    [Fact]
    public void A_baseline_survives_a_round_trip_exactly()
    {
        var b = Sample();
        var back = BaselineFile.Parse(BaselineFile.ToJson(b));
        Assert.Equal(0.1 + 0.2, back.Find("power_law.alpha")!.Value); // round-trip doubles, not rounded ones
        Assert.Equal(1.0 / 3, back.Find("power_law.alpha")!.Spread);
        Assert.Equal(b.Find("spacing_ratio.mean"), back.Find("spacing_ratio.mean"));
        Assert.Equal(b.Options, back.Options);
        Assert.Equal(1499.25, back.ReplicateSamples);
        Assert.Null(back.Find("power_law.alpha")!.ReplicateMean);
        Assert.Equal(BaselineFile.ToJson(b), BaselineFile.ToJson(back));
    }

    /// <summary>A schema 1 baseline (the nightly gate's file from before the rename) is read with today's keys.</summary>
    [Fact]
    public void A_schema_1_baseline_is_read_under_the_new_metric_keys()
    {
        var old = Sample() with { Metrics = new[] { new Metric("spacing_distribution.kl_goe", 0.04, 0.01) } };
        var json = BaselineFile.ToJson(old).Replace(Baseline.CurrentSchema, Baseline.PreviousSchema).Replace("spacing_distribution.kl_goe", "spacing.kl_goe");
        var back = BaselineFile.Parse(json);
        Assert.Equal(0.04, back.Find(MetricTable.SpacingKlGoe)!.Value);
        Assert.Null(back.Find("spacing.kl_goe"));
        // Today's schema knows only today's names.
        var mixed = BaselineFile.ToJson(old).Replace("spacing_distribution.kl_goe", "spacing.kl_goe");
        Assert.Contains("unknown metric 'spacing.kl_goe'", Assert.Throws<SpectraException>(() => BaselineFile.Parse(mixed)).Message);
    }

    [Fact]
    public void Another_schema_version_is_refused_with_a_hint()
    {
        var json = BaselineFile.ToJson(Sample()).Replace(Baseline.CurrentSchema, "spectra.baseline/0");
        var e = Assert.Throws<SpectraException>(() => BaselineFile.Parse(json, "old.json"));
        Assert.Contains("spectra.baseline/0", e.Message);
        Assert.Contains("spectra baseline", e.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"schema\": \"spectra.baseline/1\"}")]
    public void Broken_baselines_are_refused(string text) =>
        Assert.Throws<SpectraException>(() => BaselineFile.Parse(text));
}
