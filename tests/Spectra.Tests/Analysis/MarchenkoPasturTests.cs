using Spectra.Analysis.MarchenkoPasturFit;

namespace Spectra.Tests.Analysis;

public class MarchenkoPasturTests
{
    private static readonly Lazy<double[]> Wishart1000 = new(() =>
        LinearAlgebraBackends.Get().SymmetricEigenvalues(WhiteWishart.Matrix(4000, 1000, new SeededRandom(21)), 1000));

    private static EigenSpectrum WishartSpectrum(double[] eigenvalues, int samples, int features) =>
        new(eigenvalues, new SpectrumProvenance { Samples = samples, Features = features, Centered = false });

    [Fact]
    public void White_Wishart_bulk_is_GOE_like_and_inside_the_edges()
    {
        // SCIENCE.md §6: d = 1000, M = 4000, bulk without 50 at each end: ⟨r̃⟩ ≈ 0.535, levels inside [0.25, 2.25].
        var spectrum = WishartSpectrum(Wishart1000.Value, 4000, 1000);
        var input = AnalysisInput.Of(spectrum, 50, 50);
        var ratio = Analyzers.SpacingRatio.Analyze(input, SpacingRatioOptions.Default).Value!;
        Assert.InRange(ratio.Mean, 0.5307 - 3 * ratio.StandardError, 0.5307 + 3 * ratio.StandardError);
        Assert.All(input.Bulk.Levels, v => Assert.InRange(v, 0.25, 2.25));
        // Edge fluctuations are O(n^(-2/3)): the extreme levels stay within 0.05 of the edges.
        Assert.InRange(spectrum.NonZero[0], 0.20, 0.30);
        Assert.InRange(spectrum.NonZero[^1], 2.20, 2.30);

        var mp = Analyzers.MarchenkoPastur.Analyze(input, MarchenkoPasturOptions.Default with { Method = NoiseVarianceMethod.Fixed, SigmaSquared = 1 }).Value!;
        Assert.Equal(0.25, mp.Q, 12);
        Assert.Equal(0.25, mp.LowerEdge, 12);
        Assert.Equal(2.25, mp.UpperEdge, 12);
        Assert.InRange(mp.AboveUpperEdge, 0, 2);
        Assert.True(mp.KsDistance < 0.02, $"KS = {mp.KsDistance}");
        Assert.False(mp.TracyWidom.Significant);
        var median = Analyzers.MarchenkoPastur.Analyze(input, MarchenkoPasturOptions.Default).Value!;
        Assert.Equal(1.0, median.SigmaSquared, 0.01);
        var trace = Analyzers.MarchenkoPastur.Analyze(input, MarchenkoPasturOptions.Default with { Method = NoiseVarianceMethod.Trace }).Value!;
        Assert.Equal(1.0, trace.SigmaSquared, 0.01);
    }

    [Fact]
    public void Tracy_Widom_statistic_of_white_Wishart_is_Tracy_Widom_distributed()
    {
        // 60 small white Wishart draws: the TW p-values must look uniform (few below 5 %, mean ≈ 1/2).
        const int draws = 60, samples = 400, features = 100;
        var p = new double[draws];
        for (var k = 0; k < draws; k++)
        {
            var values = LinearAlgebraBackends.Get().SymmetricEigenvalues(WhiteWishart.Matrix(samples, features, new SeededRandom(300 + k)), features);
            var r = Analyzers.MarchenkoPastur.Analyze(AnalysisInput.Of(WishartSpectrum(values, samples, features)),
                MarchenkoPasturOptions.Default with { Method = NoiseVarianceMethod.Fixed, SigmaSquared = 1 }).Value!;
            p[k] = r.TracyWidom.PValue;
        }
        Assert.InRange(p.Average(), 0.5 - 3 * 0.29 / Math.Sqrt(draws), 0.5 + 3 * 0.29 / Math.Sqrt(draws));
        Assert.InRange(p.Count(v => v < 0.05), 0, 9);
    }

    [Fact]
    public void A_planted_spike_is_counted_and_significant()
    {
        // One direction with variance 6: above the BBP threshold 1 + √q, it separates from the bulk.
        var r = new SeededRandom(8);
        const int samples = 2000, features = 200;
        var x = new double[samples * features];
        for (var i = 0; i < x.Length; i++) x[i] = r.NextNormal();
        for (var i = 0; i < samples; i++) x[i * features] *= Math.Sqrt(6);
        var values = TestSpectra.CovarianceEigenvalues(x, samples, features, center: false);
        var result = Analyzers.MarchenkoPastur.Analyze(AnalysisInput.Of(WishartSpectrum(values, samples, features)), MarchenkoPasturOptions.Default).Value!;
        Assert.Equal(1, result.AboveUpperEdge);
        Assert.True(result.TracyWidom.Significant);
        Assert.True(result.TracyWidom.PValue < 1e-6);
    }

    [Fact]
    public void Without_sample_counts_the_law_is_not_applicable()
    {
        var spectrum = new EigenSpectrum(new[] { 1.0, 2, 3, 4 }, new SpectrumProvenance { Samples = 0, Features = 4 });
        Assert.Equal(AnalysisStatus.NotApplicable, Analyzers.MarchenkoPastur.Analyze(AnalysisInput.Of(spectrum), MarchenkoPasturOptions.Default).Status);
    }

    [Fact]
    public void Gram_spectra_swap_the_roles()
    {
        var values = Wishart1000.Value.Select(v => v * 4000 / 1000.0).ToArray(); // non-zero spectrum of G = XXᵀ/d
        var spectrum = new EigenSpectrum(values.Concat(Enumerable.Repeat(0.0, 3000)),
            new SpectrumProvenance { Samples = 4000, Features = 1000, Requested = MatrixKind.Gram, Computed = MatrixKind.Covariance, Centered = false });
        var result = Analyzers.MarchenkoPastur.Analyze(AnalysisInput.Of(spectrum), MarchenkoPasturOptions.Default).Value!;
        Assert.Equal(4.0, result.Q, 12);
        Assert.Equal(1.0, result.SigmaSquared, 0.01);
        Assert.InRange(result.AboveUpperEdge, 0, 2);
        Assert.True(result.KsDistance < 0.02);
    }
}
