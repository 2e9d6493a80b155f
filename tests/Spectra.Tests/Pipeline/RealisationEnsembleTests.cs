namespace Spectra.Tests.Pipeline;

/// <summary>
/// The realisations are halves of row blocks rather than independent half-samples of the rows (SCIENCE.md §3.5
/// asks for random subsamples). On white Wishart data, whose covariance bulk has GOE statistics, both ensembles
/// give a form factor on the GOE curve, and the two agree with each other within their jackknife spread.
/// </summary>
public class RealisationEnsembleTests
{
    private const int Rows = 6000, Features = 300, Realisations = 8;
    private static readonly FormFactorOptions Options = FormFactorOptions.Default with { Points = 80 };

    private static readonly double[] X = TestMatrices.RandomRows(Rows, Features, seed: 41);

    private static FormFactorResult Sff(IEnumerable<EigenSpectrum> spectra) =>
        Analyzers.FormFactor.Analyze(spectra.Select(s => s.Bulk().Levels).ToList(), Options).Value!;

    private static FormFactorResult BlockHalves() =>
        Sff(SpectrumPipeline.Run(new InMemorySource(X, Rows, Features), new SpectrumOptions { Realisations = Realisations, Seed = 3 }).Realisations);

    /// <summary>The earlier ensemble: each realisation a half of the rows drawn on its own (every row in with probability ½).</summary>
    private static FormFactorResult IndependentHalves()
    {
        var rng = new Random(3);
        var spectra = new List<EigenSpectrum>();
        for (var k = 0; k < Realisations; k++)
        {
            var rows = Enumerable.Range(0, Rows).Where(_ => rng.NextDouble() < 0.5).ToArray();
            var sub = rows.SelectMany(i => X.AsSpan(i * Features, Features).ToArray()).ToArray();
            spectra.Add(SpectrumPipeline.Run(new InMemorySource(sub, rows.Length, Features), new SpectrumOptions { Realisations = 0 }).Spectrum);
        }
        return Sff(spectra);
    }

    // The ramp and the bend, where GOE and Poisson differ most and the connected SFF is defined.
    private static int[] Window(FormFactorResult r) => Enumerable.Range(0, r.Tau.Length).Where(t => r.Tau[t] >= 0.2 && r.Tau[t] <= 2).ToArray();

    [Fact]
    public void Both_ensembles_follow_the_goe_curve_on_wishart_data_and_agree_within_their_spread()
    {
        var blocks = BlockHalves();
        var independent = IndependentHalves();
        Assert.Equal(Realisations, blocks.Realisations);
        foreach (var r in new[] { blocks, independent })
        {
            var w = Window(r);
            // Eight realisations of ~280 levels are noisier than the 60 GOE draws of FormFactorTests (0.12 there).
            var deviation = w.Average(t => Math.Abs(r.ConnectedSmoothed[t] - r.Goe[t]) / r.Goe[t]);
            Assert.True(deviation < 0.2, $"mean relative deviation from GOE {deviation}");
            // Poisson (K = 1) is far: the early ramp stays low.
            var early = Enumerable.Range(0, r.Tau.Length).Where(t => r.Tau[t] >= 0.05 && r.Tau[t] <= 0.3).ToArray();
            Assert.True(early.Average(t => r.ConnectedSmoothed[t]) < 0.6);
        }
        // The ensembles against each other, point by point in units of their combined jackknife error: for two
        // estimates of one curve the mean |z| is about 0.8 (a half-normal's mean); 2 leaves room for the
        // correlation the running mean puts between neighbouring points.
        var window = Window(blocks);
        var z = window.Average(t => Math.Abs(blocks.ConnectedSmoothed[t] - independent.ConnectedSmoothed[t])
            / Math.Sqrt(Math.Pow(blocks.ConnectedSmoothedError![t], 2) + Math.Pow(independent.ConnectedSmoothedError![t], 2)));
        Assert.True(z < 2, $"mean |z| between the ensembles {z}");
    }
}
