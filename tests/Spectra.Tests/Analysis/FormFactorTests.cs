using Spectra.Analysis;
using Spectra.Analysis.FormFactor;
using Spectra.Data.Synthetic;
using Spectra.References;

namespace Spectra.Tests.Analysis;

public class FormFactorTests
{
    private static readonly FormFactorOptions Options = FormFactorOptions.Default with { Points = 80 };

    private static List<double[]> GoeDraws(int n, int draws) =>
        Enumerable.Range(0, draws).Select(k => GoeEnsemble.Levels(n, new SeededRandom(k)).Select(v => v + 1.5 * GoeEnsemble.SemicircleRadius(n)).ToArray()).ToList();

    [Fact]
    public void AveragedGoeDrawsFollowTheGoeCurve()
    {
        var result = FormFactorAnalyzer.Instance.Analyze(GoeDraws(400, 60), Options).Value!;
        Assert.Equal(60, result.Realisations);
        // Over the ramp and the bend (0.2 ≤ τ ≤ 2) the averaged connected SFF follows 2τ − τ ln(1 + 2τ) …
        var window = Enumerable.Range(0, result.Tau.Length).Where(t => result.Tau[t] >= 0.2 && result.Tau[t] <= 2).ToArray();
        var deviation = window.Average(t => Math.Abs(result.ConnectedSmoothed[t] - result.Goe[t]) / result.Goe[t]);
        Assert.True(deviation < 0.12, $"mean relative deviation {deviation}");
        // … and the Poisson value 1 would be far off on the early ramp.
        var early = Enumerable.Range(0, result.Tau.Length).Where(t => result.Tau[t] >= 0.05 && result.Tau[t] <= 0.3).ToArray();
        Assert.True(early.Average(t => result.ConnectedSmoothed[t]) < 0.6);
        Assert.NotNull(result.PlateauMean);
        Assert.Equal(1.0, result.PlateauMean!.Value, 0.1);
        Assert.NotNull(result.ThoulessTime);
        Assert.True(result.ThoulessTime < 0.5, $"Thouless time {result.ThoulessTime}");
    }

    [Fact]
    public void PoissonLevelsHaveAFlatFormFactor()
    {
        var draws = Enumerable.Range(0, 30).Select(k => PoissonLevels.Generate(400, new SeededRandom(k))).ToList();
        var result = FormFactorAnalyzer.Instance.Analyze(draws, Options).Value!;
        var window = Enumerable.Range(0, result.Tau.Length).Where(t => result.Tau[t] >= 0.05).ToArray();
        Assert.Equal(1.0, window.Average(t => result.ConnectedSmoothed[t]), 0.1);
        Assert.True(result.RampDeviation > 0.5);
    }

    [Fact]
    public void SingleRealisationIsNotAveragedButStillNormalised()
    {
        var goe = GoeDraws(600, 1)[0];
        var result = FormFactorAnalyzer.Instance.Analyze(AnalysisInput.Of(new Spectra.Spectrum.EigenSpectrum(goe)), Options).Value!;
        Assert.Equal(1, result.Realisations);
        Assert.Equal(1.0, result.PlateauMean!.Value, 0.25);
        Assert.All(result.Connected, v => Assert.True(v >= 0 && double.IsFinite(v)));
        Assert.Equal(80, result.Tau.Length);
        Assert.Equal(1e-3, result.Tau[0], 12);
        Assert.Equal(10, result.Tau[^1], 12);
    }

    [Fact]
    public void DisconnectedPartShowsAtSmallTau()
    {
        // K includes |⟨Z⟩|², the filter's transform, which dominates for τ ≪ 1/(2π η Γ).
        var result = FormFactorAnalyzer.Instance.Analyze(GoeDraws(200, 10), Options).Value!;
        Assert.True(result.K[0] > 10 * result.Connected[0]);
        Assert.Equal(FormFactorReferences.Goe(result.Tau[40]), result.Goe[40], 15);
    }
}
