namespace Spectra.Tests.Checks;

public class SizeMatchTests
{
    private static Baseline BaselineOf(long samples, double? replicateSamples, params Metric[] metrics) =>
        new() { Samples = samples, Features = 10, ReplicateSamples = replicateSamples, Metrics = metrics };

    [Theory]
    [InlineData(1000, SizeMatchMethod.SameSize, 1000)]
    [InlineData(1001, SizeMatchMethod.Subsample, 1000)]
    [InlineData(4000, SizeMatchMethod.Subsample, 1000)]
    [InlineData(999, SizeMatchMethod.Interpolation, 999)]
    [InlineData(500, SizeMatchMethod.Interpolation, 500)]
    [InlineData(475, SizeMatchMethod.Interpolation, 475)] // ⌈499 × 0.95⌉ = 475
    [InlineData(474, SizeMatchMethod.Unmatched, 474)]
    public void The_batch_size_decides_how_sizes_are_matched(long batch, SizeMatchMethod method, long compared)
    {
        var plan = SizeMatch.Plan(BaselineOf(1000, 499), batch, seed: 3);
        Assert.Equal(method, plan.Method);
        Assert.Equal(compared, plan.ComparedSamples);
        Assert.Equal(475, plan.SmallestBatch);
    }

    [Fact]
    public void A_baseline_without_a_half_sample_curve_matches_only_larger_batches()
    {
        var b = BaselineOf(1000, null);
        Assert.Equal(SizeMatchMethod.Unmatched, SizeMatch.Plan(b, 999, 0).Method);
        Assert.Null(SizeMatch.Plan(b, 999, 0).SmallestBatch);
        Assert.Equal(SizeMatchMethod.Subsample, SizeMatch.Plan(b, 1001, 0).Method);
    }

    [Fact]
    public void The_baseline_moves_along_the_line_in_one_over_m_and_its_spread_by_the_root_of_half_one_plus_m_ratio()
    {
        var metric = new Metric("marchenko_pastur.above_edge", 220, 2, ReplicateMean: 190);
        var b = BaselineOf(1000, 500, metric);
        Metric At(long m) => SizeMatch.Plan(b, m, 0).Reference(metric)!;
        // At the half-samples' own size: their mean, with the spread of a fresh half-size sample against the baseline.
        Assert.Equal(190, At(500).Value, 12);
        Assert.Equal(2 * Math.Sqrt(1.5), At(500).Spread!.Value, 12);
        // Halfway in 1/M between 1/900 and 1/450 is 1/600: halfway in value.
        var b900 = BaselineOf(900, 450, metric);
        Assert.Equal(205, SizeMatch.Plan(b900, 600, 0).Reference(metric)!.Value, 12);
        Assert.Equal(2 * Math.Sqrt(1.25), SizeMatch.Plan(b900, 600, 0).Reference(metric)!.Spread!.Value, 12);
        // A larger batch is subsampled to the baseline's size, so the baseline stays as it is.
        Assert.Equal(metric, SizeMatch.Plan(b, 3000, 0).Reference(metric));
        // Below the line's end, and without a half-sample mean, there is nothing to compare with.
        Assert.Null(SizeMatch.Plan(b, 600, 0).Reference(metric with { ReplicateMean = null }));
    }

    [Fact]
    public void Rules_on_the_baseline_read_matched_values_and_the_others_the_whole_batch()
    {
        var alpha = new Metric(MetricTable.PowerLawAlpha, 0.70, 0.003, ReplicateMean: 0.72);
        var dup = new Metric(MetricTable.DuplicateRate, 0);
        var b = BaselineOf(1000, 500, alpha, dup);
        var rules = new RuleSet(new[]
        {
            new CheckRule(MetricTable.PowerLawAlpha, new Band { MaxSigma = 4 }, new Band { MaxSigma = 6 }),
            new CheckRule(MetricTable.PowerLawAlpha, Fail: new Band { Max = 0.8 }, Name: "absolute"),
            new CheckRule(MetricTable.DuplicateRate, Fail: new Band { MaxIncrease = 0.01 }),
        });
        var whole = new[] { new Metric(MetricTable.PowerLawAlpha, 0.72), new Metric(MetricTable.DuplicateRate, 0.02) };

        // 500 rows: 0.72 is 6.7σ from the full baseline but exactly the baseline at 500 rows.
        var small = CheckEvaluator.Evaluate(rules, whole, whole, b, SizeMatch.Plan(b, 500, 0));
        Assert.Equal(CheckStatus.Pass, small.Outcomes[0].Status);
        Assert.Equal(0.72, small.Outcomes[0].BaselineValue!.Value, 12);
        Assert.Equal(SizeMatchMethod.Interpolation, small.Outcomes[0].SizeMatch);
        Assert.Contains("baseline moved to 500 rows", small.Outcomes[0].Message);
        Assert.Null(small.Outcomes[1].SizeMatch);
        Assert.Equal(CheckStatus.Fail, small.Outcomes[2].Status); // duplicates: the whole batch, unmatched

        // 2000 rows: the subset's value is compared; the absolute limit reads the whole batch.
        var subset = new[] { new Metric(MetricTable.PowerLawAlpha, 0.701) };
        var large = CheckEvaluator.Evaluate(rules, new[] { new Metric(MetricTable.PowerLawAlpha, 0.9), whole[1] }, subset, b, SizeMatch.Plan(b, 2000, 0));
        Assert.Equal(CheckStatus.Pass, large.Outcomes[0].Status);
        Assert.Equal(0.701, large.Outcomes[0].Value);
        Assert.Equal(CheckStatus.Fail, large.Outcomes[1].Status);

        // 100 rows: the baseline rule says it was not compared; the others still run.
        var tiny = CheckEvaluator.Evaluate(rules, whole, whole, b, SizeMatch.Plan(b, 100, 0));
        Assert.Equal(CheckStatus.Error, tiny.Outcomes[0].Status);
        Assert.Contains("not compared", tiny.Outcomes[0].Message);
        Assert.Equal(CheckStatus.Pass, tiny.Outcomes[1].Status);
        Assert.Equal(CheckStatus.Fail, tiny.Outcomes[2].Status);
    }

    private static double[] Rows(int n, int d) => Enumerable.Range(0, n * d).Select(i => (double)(i / d)).ToArray();

    private static List<double> FirstColumn(IDataSource s, int chunk) =>
        s.ReadChunks(chunk).SelectMany(c => Enumerable.Range(0, c.Rows).Select(i => c.Row(i)[0])).ToList();

    [Theory]
    [InlineData(1000, 400)]
    [InlineData(1000, 999)]
    [InlineData(7, 7)]
    [InlineData(50, 0)]
    public void A_subset_holds_exactly_the_rows_asked_for_without_repeats_whatever_the_chunking(int total, int keep)
    {
        var source = new InMemorySource(Rows(total, 3), total, 3);
        var subset = new SubsetSource(source, seed: 11, total, keep);
        var rows = FirstColumn(subset, 64);
        Assert.Equal(keep, rows.Count);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(rows, FirstColumn(subset, 5));
        Assert.Equal(rows, FirstColumn(new SubsetSource(source, 11, total, keep), 1000));
        if (keep > 0 && keep < total) Assert.NotEqual(rows, FirstColumn(new SubsetSource(source, 12, total, keep), 64));
    }

    [Fact]
    public void Each_row_is_taken_with_probability_keep_over_total()
    {
        // Over 400 seeds each of 20 rows is taken Binomial(400, 0.3) times: mean 120, sd 9.2; 5 sd is 46.
        var counts = new int[20];
        var source = new InMemorySource(Rows(20, 1), 20, 1);
        for (var seed = 0; seed < 400; seed++)
            foreach (var r in FirstColumn(new SubsetSource(source, seed, 20, 6), 8)) counts[(int)r]++;
        Assert.All(counts, c => Assert.InRange(c, 120 - 46, 120 + 46));
    }
}
