namespace Spectra.Tests.References;

/// <summary>
/// Finite-size references of spectra that span many decades down to near-zero levels, where a degree-9
/// fit in ln λ wiggles at the ends (SCIENCE.md §6): mapping reference levels through the fitted staircase
/// must not extrapolate or flatten it, so the GOE references of P(s) stay those of true GOE draws of the
/// same n. The truth here is GOE draws of the project's generator unfolded exactly by the semicircle,
/// with the same bulk trimming, end trim and rescaling, so it involves no fitted staircase at all.
/// </summary>
public class WideSpectrumReferenceTests
{
    private const int ReferenceDraws = 20;
    private const int TruthDraws = 40;

    private static readonly Lazy<EigenSpectrum> Mnist = new(() => SpectrumPipeline.Run(
        ImageSource.Open(Conformance.PathOf("datasets", "mnist-t10k", "t10k-images-idx3-ubyte.gz")), new SpectrumOptions { Realisations = 0 }).Spectrum);

    [ConformanceFact]
    public void MNIST_references_agree_with_GOE_draws()
    {
        // 123 zero-variance pixels leave 661 levels from 6·10⁻⁷ to 1; the fit reaches N̄ = 7 at the
        // lowest bulk level and dips to about −27 just above it.
        Assert.Equal(661, Mnist.Value.NonZero.Count);
        var references = AssertAgreesWithGoeDraws(Mnist.Value);
        Assert.True(references.Find(FiniteSizeReferences.KlGoe)!.GoeMean < 0.1);
    }

    public static TheoryData<string> WideSyntheticSpectra => new() { "sparse features", "cgd below rank", "wishart q = 1" };

    [Theory]
    [MemberData(nameof(WideSyntheticSpectra))]
    public void Synthetic_references_agree_with_GOE_draws(string kind) => AssertAgreesWithGoeDraws(Synthetic(kind));

    [ConformanceFact]
    public void Table_inverse_only_lands_where_the_fit_reaches_the_count()
    {
        // Strictly increasing everywhere, and inside the fitted range every mapped λ is a place where N̄
        // itself equals the count (to a fraction of a level): no count is clamped, none lands in a wiggle.
        var bulk = Mnist.Value.Bulk().Levels;
        var fit = Unfolder.FitStaircase(bulk, UnfoldingOptions.Default, out _);
        var inverse = fit.InverseTable(8 * bulk.Length + 64);
        var previous = 0.0;
        var inside = 0;
        for (var count = -5.0; count <= bulk.Length + 5; count += 0.05)
        {
            var lambda = inverse(count);
            Assert.True(lambda > previous, $"not increasing at count {count}");
            previous = lambda;
            if (lambda < bulk[0] || lambda > bulk[^1]) continue;
            inside++;
            Assert.InRange(fit.Evaluate(lambda) - count, -0.5, 0.5);
        }
        // Counts below 0 and above the bulk are the only ones allowed beyond the range.
        Assert.True(inside >= 20 * (bulk.Length - 2), $"only {inside} counts mapped inside the fitted range");
    }

    private static FiniteSizeReferenceSet AssertAgreesWithGoeDraws(EigenSpectrum spectrum)
    {
        var bulk = spectrum.Bulk();
        var n = spectrum.NonZero.Count;
        var references = FiniteSizeReferences.Simulate(n, bulk.KTop, bulk.KBottom, bulk.Levels, SpacingDistributionOptions.Default,
            FiniteSizeOptions.Default with { Draws = ReferenceDraws }, 17)!;
        Assert.Equal(n, references.SimulatedLevels);
        var truth = ExactlyUnfoldedGoe(n, bulk.KTop, bulk.KBottom);
        foreach (var key in new[] { FiniteSizeReferences.KlGoe, FiniteSizeReferences.JsGoe, FiniteSizeReferences.KsGoe })
        {
            var reference = references.Find(key)!;
            var (mean, spread) = truth[key];
            // Agreement within one spread of a single draw is ≈ 3.7 standard errors of the difference of
            // the two means (20 and 40 draws); the spreads agree within the sampling error of a standard deviation.
            Assert.InRange(reference.GoeMean - mean, -spread, spread);
            Assert.InRange(reference.GoeSpread / spread, 0.5, 2);
        }
        var ratio = references.Find(FiniteSizeReferences.RatioMean)!;
        var (ratioMean, ratioSpread) = truth[FiniteSizeReferences.RatioMean];
        var se = Math.Sqrt(ratio.GoeSpread * ratio.GoeSpread / ReferenceDraws + ratioSpread * ratioSpread / TruthDraws);
        Assert.InRange(ratio.GoeMean - ratioMean, -3 * se, 3 * se);
        Assert.InRange(ratio.GoeSpread / ratioSpread, 0.6, 1.6);
        return references;
    }

    /// <summary>Mean and spread of each statistic over GOE draws of n levels, unfolded by n·F_sc instead of a fit.</summary>
    private static Dictionary<string, (double Mean, double Spread)> ExactlyUnfoldedGoe(int n, int kTop, int kBottom)
    {
        var options = SpacingDistributionOptions.Default;
        var values = new List<double[]>();
        for (var d = 0; d < TruthDraws; d++)
        {
            var bulk = FiniteSizeReferences.GoeUnfolded(n, new SeededRandom(500 + d))[kBottom..(n - kTop)];
            var trim = (int)Math.Floor(options.Unfolding.TrimFraction * bulk.Length);
            var kept = bulk[trim..(bulk.Length - trim)];
            var spacings = new double[kept.Length - 1];
            for (var i = 0; i < spacings.Length; i++) spacings[i] = kept[i + 1] - kept[i];
            var mean = spacings.Average();
            for (var i = 0; i < spacings.Length; i++) spacings[i] /= mean;
            var goe = SpacingDistributionAnalyzer.Compare(spacings, LevelStatistics.Goe, options);
            values.Add(new[] { SpacingRatioAnalyzer.MeanRatio(bulk), goe.KullbackLeibler, goe.JensenShannon, goe.KsStatistic });
        }
        var keys = new[] { FiniteSizeReferences.RatioMean, FiniteSizeReferences.KlGoe, FiniteSizeReferences.JsGoe, FiniteSizeReferences.KsGoe };
        return keys.Select((key, k) => (key, v: values.Select(row => row[k]).ToArray()))
            .ToDictionary(p => p.key, p => (Spectra.Analysis.Statistics.Mean(p.v), Spectra.Analysis.Statistics.StandardDeviation(p.v)));
    }

    private static EigenSpectrum Synthetic(string kind)
    {
        var random = new SeededRandom(41);
        switch (kind)
        {
            case "sparse features":
            {
                // Gaussian features with variances i^-1.7, the last 100 of 512 damped by up to five more
                // decades, like the nearly blank border pixels of digit images: levels over about seven decades.
                const int m = 2048, d = 512;
                var x = new double[m * d];
                for (var j = 0; j < d; j++)
                {
                    var damping = j < d - 100 ? 1 : Math.Pow(10, -2.5 * (j - (d - 100)) / 99.0);
                    var sd = Math.Pow(j + 1, -0.85) * damping;
                    for (var i = 0; i < m; i++) x[i * d + j] = sd * random.NextNormal();
                }
                return Covariance(x, m, d);
            }
            case "cgd below rank":
                // Fewer samples than features: 399 non-zero levels over about four decades.
                return Covariance(GaussianDataSource.Correlated(400, 512, 1.0, 41).ToRowMajor(), 400, 512);
            default:
                // q = 1: the Marchenko–Pastur density diverges at 0, so the smallest levels approach zero.
                return new EigenSpectrum(LinearAlgebraBackends.Get().SymmetricEigenvalues(WhiteWishart.Matrix(400, 400, random), 400),
                    new SpectrumProvenance { Samples = 400, Features = 400, Centered = false });
        }
    }

    private static EigenSpectrum Covariance(double[] rowMajor, int rows, int cols) =>
        SpectrumPipeline.Run(new InMemorySource(rowMajor, rows, cols), new SpectrumOptions { Realisations = 0 }).Spectrum;
}
