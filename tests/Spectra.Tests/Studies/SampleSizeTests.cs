namespace Spectra.Tests.Studies;

/// <summary>The scan on correlated Gaussian data with d = 256 (SCIENCE.md §5); each scan is computed once for the class.</summary>
public class SampleSizeTests(ITestOutputHelper output)
{
    private const int D = 256;
    private static readonly Lazy<SampleSizeResult> Alpha0 = new(() => Scan(0.0, 101));
    private static readonly Lazy<SampleSizeResult> Alpha1 = new(() => Scan(1.0, 102));

    private static SampleSizeResult Scan(double alpha, int seed)
    {
        var data = DataMatrix.FromRows(GaussianDataSource.Correlated(8 * D, D, alpha, seed).ToRowMajor(), 8 * D, D);
        return SampleSizeStudy.Run(data, new SampleSizeOptions { Seed = seed });
    }

    public static TheoryData<double> Alphas => new() { 0.0, 1.0 };

    private SampleSizeResult Of(double alpha)
    {
        var result = alpha == 0 ? Alpha0.Value : Alpha1.Value;
        foreach (var p in result.Points)
            output.WriteLine($"M/d={p.SamplesPerFeature,6:F3} " + string.Join("  ", p.Statistics.Select(s =>
                $"{s.Statistic}={s.Spread.Mean:F4}±{s.Spread.StandardDeviation:F4}{(s.MeanStandardError is { } se ? $"(se {se:F4})" : "")}")));
        foreach (var c in result.Critical)
            output.WriteLine($"{c.Statistic}: M_crit={c.Samples} ({c.SamplesPerFeature}) ref {c.ReferenceValue} [{c.Tolerance}]");
        return result;
    }

    [Theory]
    [MemberData(nameof(Alphas))]
    public void Grid_runs_from_an_eighth_of_D_to_the_full_data(double alpha)
    {
        var result = Of(alpha);
        Assert.Equal(new[] { 32, 64, 128, 256, 512, 1024, 2048 }, result.Points.Select(p => p.Samples));
        Assert.True(result.Points[^1].FullData);
        Assert.Single(result.Points[^1].Subsets);
        Assert.All(result.Points.SkipLast(1), p => Assert.Equal(3, p.Subsets.Count));
    }

    [Theory]
    [MemberData(nameof(Alphas))]
    public void Spacing_divergence_levels_off_near_M_equals_D(double alpha)
    {
        var result = Of(alpha);
        var critical = result.CriticalOf("spacing_kl_goe");
        Assert.NotNull(critical.Samples);
        Assert.InRange(critical.Samples!.Value, D / 2, 2 * D);
        // Below d the divergence is clearly larger than where it levels off.
        var quarter = result.Points.Single(p => p.Samples == D / 4).Of("spacing_kl_goe").Spread.Mean!.Value;
        Assert.True(quarter > 2 * critical.ReferenceValue!.Value, $"KL at d/4 {quarter} vs full {critical.ReferenceValue}");
    }

    [Theory]
    [MemberData(nameof(Alphas))]
    public void Mean_ratio_is_GOE_like_at_every_sample_size(double alpha)
    {
        var result = Of(alpha);
        foreach (var p in result.Points)
        {
            var s = p.Of("mean_ratio");
            Assert.True(Math.Abs(s.Spread.Mean!.Value - 0.5307) <= 3 * s.MeanStandardError!.Value,
                $"M = {p.Samples}: ⟨r̃⟩ = {s.Spread.Mean} ± {s.MeanStandardError}");
        }
        Assert.Equal(result.Points[0].Samples, result.CriticalOf("mean_ratio").Samples);
    }

    [Theory]
    [MemberData(nameof(Alphas))]
    public void Alpha_approaches_the_population_value_from_above(double alpha)
    {
        var result = Of(alpha);
        var atLeastD = result.Points.Where(p => p.Samples >= D).Select(p => p.Of("alpha").Spread.Mean!.Value).ToArray();
        Assert.All(atLeastD, a => Assert.True(a > alpha, $"α = {a} is below the population value {alpha}"));
        for (var i = 1; i < atLeastD.Length; i++) Assert.True(atLeastD[i] < atLeastD[i - 1] + 0.01, string.Join(", ", atLeastD));
        Assert.InRange(atLeastD[^1], alpha, alpha + 0.05);
        Assert.InRange(result.Points.Single(p => p.Samples == 8 * D).Of("alpha").Spread.Mean!.Value, alpha - 0.05, alpha + 0.05);
    }

    [Fact]
    public void Entropy_converges_with_fewer_samples_when_correlations_are_stronger()
    {
        var strong = Of(1.0).CriticalOf("normalized_entropy").Samples!.Value;
        var weak = Of(0.0).CriticalOf("normalized_entropy").Samples!.Value;
        Assert.True(strong <= weak, $"M_crit(S): α = 1 → {strong}, α = 0 → {weak}");
    }

    [Fact]
    public void Decodes_the_source_once_and_is_reproducible()
    {
        var inner = GaussianDataSource.Correlated(300, 40, 0.5, 7);
        var counting = new CountingSource(inner);
        var options = new SampleSizeOptions { Seed = 3, SamplesPerFeature = new[] { 1.0, 2.0, 4.0, 16.0 }, Subsets = 2 };
        var a = SampleSizeStudy.Run(counting, options);
        Assert.Equal(1, counting.Reads);
        Assert.Equal(new[] { 40, 80, 160, 300 }, a.Points.Select(p => p.Samples));
        var b = SampleSizeStudy.Run(inner, options);
        Assert.Equal(a.Points.SelectMany(p => p.Subsets), b.Points.SelectMany(p => p.Subsets));
        var c = SampleSizeStudy.Run(inner, options with { Seed = 4 });
        Assert.NotEqual(a.Points[0].Subsets, c.Points[0].Subsets);
    }

    [Fact]
    public void Subsets_are_distinct_rows_in_read_order()
    {
        var rows = SampleSizeStudy.Subset(100, 37, 5, 1);
        Assert.Equal(37, rows.Distinct().Count());
        Assert.Equal(rows.Order(), rows);
        Assert.All(rows, r => Assert.InRange(r, 0, 99));
        Assert.NotEqual(rows, SampleSizeStudy.Subset(100, 37, 5, 2));
    }

    [Fact]
    public void Too_few_samples_and_bad_grids_are_clear_errors()
    {
        var tiny = DataMatrix.FromRows(new double[2 * 5], 2, 5);
        Assert.Equal(SpectraErrorKind.NotEnoughData, Assert.Throws<SpectraException>(() => SampleSizeStudy.Run(tiny)).Kind);
        var data = DataMatrix.FromRows(new double[20 * 5], 20, 5);
        Assert.Equal(SpectraErrorKind.InvalidOption, Assert.Throws<SpectraException>(() =>
            SampleSizeStudy.Run(data, new SampleSizeOptions { Subsets = 0 })).Kind);
        Assert.Equal(SpectraErrorKind.InvalidOption, Assert.Throws<SpectraException>(() =>
            SampleSizeStudy.Run(data, new SampleSizeOptions { SamplesPerFeature = new[] { -1.0 } })).Kind);
    }

    private sealed class CountingSource(IDataSource inner) : IDataSource
    {
        public int Reads { get; private set; }
        public int Features => inner.Features;
        public SourceHeader Header => inner.Header;
        public IReadOnlyList<string>? FeatureNames => inner.FeatureNames;

        public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            Reads++;
            return inner.ReadChunks(maxRowsPerChunk, summary, progress, cancellationToken);
        }
    }
}
