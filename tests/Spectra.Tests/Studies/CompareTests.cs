using Spectra.Studies.Comparison;

namespace Spectra.Tests.Studies;

public class CompareTests(ITestOutputHelper output)
{
    private const int M = 1024, D = 128;

    // The record with its histograms as values (its own equality compares the lists by reference).
    private static object Values(DistributionDistance d) =>
        (d with { Edges = [], DensityA = [], DensityB = [] }, string.Join(" ", d.Edges), string.Join(" ", d.DensityA), string.Join(" ", d.DensityB));

    private void Log(CompareResult r)
    {
        foreach (var s in r.Statistics) output.WriteLine($"{s.Statistic}: A={s.A:F4} B={s.B:F4} Δ={s.Difference:F4} spread={s.Spread:F4} z={s.Sigmas:F2}");
        foreach (var d in r.Distributions) output.WriteLine($"{d.Distribution}: KS={d.KsStatistic:F4} p={d.KsPValue:F4} H={d.Hellinger:F4}");
        output.WriteLine(r.Summary);
    }

    [Fact]
    public void Two_seeds_of_one_generator_do_not_differ()
    {
        var result = CompareStudy.Run(GaussianDataSource.Correlated(M, D, 0.5, 1), GaussianDataSource.Correlated(M, D, 0.5, 2));
        Log(result);
        Assert.False(result.Different, result.Summary);
        Assert.All(result.Statistics, s => Assert.True(Math.Abs(s.Sigmas!.Value) <= 3, $"{s.Statistic}: {s.Sigmas}"));
        Assert.Equal(2, result.Distributions.Count);
        Assert.All(result.Distributions, d => Assert.True(d.KsPValue > 0.001));
        Assert.Equal(8, result.A.Realisations);
    }

    [Fact]
    public void The_overlaid_histograms_are_the_ones_the_Hellinger_distance_bins()
    {
        var result = CompareStudy.Run(GaussianDataSource.Correlated(M, D, 0.5, 1), GaussianDataSource.Correlated(M, D, 0.5, 2));
        foreach (var d in result.Distributions)
        {
            var width = d.Edges[1] - d.Edges[0];
            Assert.Equal(d.Edges.Count - 1, d.DensityA.Count);
            // The drawn cells with the two tail cells (what lies outside the edges) give the distance reported.
            double Tail(IReadOnlyList<double> density) => Math.Max(0, 1 - density.Sum() * width);
            var bc = d.DensityA.Zip(d.DensityB, (p, q) => Math.Sqrt(p * width * q * width)).Sum() + Math.Sqrt(Tail(d.DensityA) * Tail(d.DensityB));
            Assert.Equal(d.Hellinger, Math.Sqrt(Math.Max(0, 1 - bc)), 6);
            // Wishart levels are GOE-like: each side's histogram lies nearer the GOE density than the Poisson one.
            Func<double, double> goe = d.Distribution == "spacing" ? SpacingReferences.WignerDensity : r => SpacingRatioReferences.FoldedDensity(LevelStatistics.Goe, r);
            Func<double, double> poisson = d.Distribution == "spacing" ? SpacingReferences.PoissonDensity : r => SpacingRatioReferences.FoldedDensity(LevelStatistics.Poisson, r);
            double Distance(Func<double, double> f) => d.DensityA.Select((p, k) => Math.Abs(p - f(d.Edges[k] + width / 2)) * width).Sum();
            Assert.True(Distance(goe) < Distance(poisson), $"{d.Distribution}: to GOE {Distance(goe):F3}, to Poisson {Distance(poisson):F3}");
        }
    }

    [Fact]
    public void Alpha_zero_and_alpha_one_differ_clearly()
    {
        var result = CompareStudy.Run(GaussianDataSource.Correlated(M, D, 0.0, 3), GaussianDataSource.Correlated(M, D, 1.0, 4));
        Log(result);
        Assert.True(result.Different);
        var alpha = result.Statistics.Single(s => s.Statistic == "alpha");
        Assert.InRange(alpha.Difference!.Value, 0.8, 1.2);
        Assert.True(alpha.Sigmas > 10);
        Assert.True(result.Statistics.Single(s => s.Statistic == "normalized_entropy").Sigmas < -10);
        Assert.Contains("alpha", result.Summary);
        // Both are Wishart spectra: their level statistics agree, only the density (α, S) differs.
        Assert.False(result.Statistics.Single(s => s.Statistic == "mean_ratio").Differs);
    }

    [Fact]
    public void Two_sample_Kolmogorov_Smirnov_matches_SciPy()
    {
        // scipy.stats.ks_2samp(a, b).statistic = 0.44642857142857145 (= 25/56).
        var a = new[] { 0.1, 0.4, 0.35, 0.8, 1.2, 0.05, 0.9, 0.66 };
        var b = new[] { 0.3, 0.5, 1.1, 1.5, 0.7, 0.95, 1.3 };
        Assert.Equal(25.0 / 56, TwoSample.KolmogorovSmirnov(a, b).Statistic, 14);
        Assert.Equal(0, TwoSample.KolmogorovSmirnov(a, a).Statistic);
        Assert.Equal(0, TwoSample.Hellinger(a, a, 0, 2, 10), 12);
        Assert.Equal(1, TwoSample.Hellinger(new[] { 0.1, 0.2 }, new[] { 0.7, 0.8 }, 0, 1, 4), 12);
    }

    [Fact]
    public void Reports_are_read_back_and_compared_like_datasets()
    {
        var dir = Directory.CreateTempSubdirectory("spectra-compare");
        try
        {
            var spectrum = SpectrumPipeline.Run(GaussianDataSource.Correlated(M, D, 0.5, 5), new SpectrumOptions { Realisations = 0 }).Spectrum;
            var path = Path.Combine(dir.FullName, "a.json");
            File.WriteAllText(path, "{\"schema\":\"spectra.report/1\",\"matrix\":{\"requested\":\"covariance\",\"samples\":1024,\"features\":128},\"spectrum\":{\"eigenvalues\":["
                + string.Join(",", spectrum.All.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]}}");
            var side = CompareStudy.FromReport(path);
            Assert.Equal(spectrum.All, side.Spectrum.All);
            Assert.Equal(1024, side.Spectrum.Provenance.Samples);
            var result = CompareStudy.Run(side, side);
            Assert.False(result.Different);
            // This report holds no realisations: the result says that only ⟨r̃⟩ has a spread.
            Assert.Equal(2, result.Warnings.Count(w => w.Contains("no realisations", StringComparison.Ordinal)));
            Assert.All(result.Distributions, d => Assert.Equal(0, d.KsStatistic));
            Assert.All(result.Statistics, s => Assert.Equal(0, s.Difference));

            var bad = Path.Combine(dir.FullName, "bad.json");
            File.WriteAllText(bad, "{\"spectrum\": {\"eigenvalues\": [1, 2,");
            var e = Assert.Throws<SpectraException>(() => CompareStudy.FromReport(bad));
            Assert.Equal(bad, e.File);
            var other = Path.Combine(dir.FullName, "other.json");
            File.WriteAllText(other, "{\"name\": 3}");
            Assert.Contains("not a Spectra report", Assert.Throws<SpectraException>(() => CompareStudy.FromReport(other)).Message);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>The report 'spectra analyze --json' writes of a source, with the pipeline options compare uses for datasets.</summary>
    private static string WriteReport(IDataSource source, CompareOptions options, string path)
    {
        var computation = SpectrumPipeline.Run(source, options.Spectrum);
        File.WriteAllText(path, JsonReportWriter.Write(ReportBuilder.Build(computation, new ReportSettings { Light = true })));
        return path;
    }

    [Theory]
    [InlineData(512, 128, "sample sizes differ")]
    [InlineData(1024, 64, "feature counts differ")]
    public void Datasets_and_their_reports_give_one_answer_with_a_warning_when_sizes_differ(int samplesB, int featuresB, string warning)
    {
        var dir = Directory.CreateTempSubdirectory("spectra-compare");
        try
        {
            var options = CompareOptions.Default;
            GaussianDataSource A() => GaussianDataSource.Correlated(M, D, 0.5, 11);
            GaussianDataSource B() => GaussianDataSource.Correlated(samplesB, featuresB, 0.5, 12);
            var asData = CompareStudy.Run(A(), B(), options);
            var asReports = CompareStudy.Run(CompareStudy.FromReport(WriteReport(A(), options, Path.Combine(dir.FullName, "a.json"))),
                CompareStudy.FromReport(WriteReport(B(), options, Path.Combine(dir.FullName, "b.json"))), options);
            Log(asData);
            Log(asReports);
            Assert.Equal(8, asReports.A.Realisations);
            // Every statistic with its spread, and every distance, to the bit: a report keeps the realisations' eigenvalues.
            Assert.Equal(asData.Statistics, asReports.Statistics);
            Assert.Equal(asData.Distributions.Select(Values), asReports.Distributions.Select(Values));
            Assert.Equal(asData.Different, asReports.Different);
            Assert.All(asData.Statistics, s => Assert.NotNull(s.Sigmas));
            Assert.Equal(asData.Warnings, asReports.Warnings);
            Assert.Equal((asData.A.Verdict.Class, asData.A.Verdict.ZGoe), (asReports.A.Verdict.Class, asReports.A.Verdict.ZGoe));
            Assert.Equal((asData.B.Verdict.Class, asData.B.Verdict.ZGoe), (asReports.B.Verdict.Class, asReports.B.Verdict.ZGoe));
            Assert.Contains(asData.Warnings, w => w.StartsWith(warning, StringComparison.Ordinal));
            Assert.Single(asData.Warnings);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Equal_sizes_and_realisations_on_both_sides_need_no_warning()
    {
        var result = CompareStudy.Run(GaussianDataSource.Correlated(M, D, 0.5, 1), GaussianDataSource.Correlated(M + 50, D, 0.5, 2));
        Assert.Empty(result.Warnings);
    }
}
