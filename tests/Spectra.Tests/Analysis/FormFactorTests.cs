namespace Spectra.Tests.Analysis;

public class FormFactorTests
{
    private static readonly FormFactorOptions Options = FormFactorOptions.Default with { Points = 80 };

    private static List<double[]> GoeDraws(int n, int draws) =>
        Enumerable.Range(0, draws).Select(k => GoeEnsemble.Levels(n, new SeededRandom(k)).Select(v => v + 1.5 * GoeEnsemble.SemicircleRadius(n)).ToArray()).ToList();

    [Fact]
    public void Averaged_GOE_draws_follow_the_GOE_curve()
    {
        var result = Analyzers.FormFactor.Analyze(GoeDraws(400, 60), Options).Value!;
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
    public void Poisson_levels_have_a_flat_form_factor()
    {
        var draws = Enumerable.Range(0, 30).Select(k => PoissonLevels.Generate(400, new SeededRandom(k))).ToList();
        var result = Analyzers.FormFactor.Analyze(draws, Options).Value!;
        var window = Enumerable.Range(0, result.Tau.Length).Where(t => result.Tau[t] >= 0.05).ToArray();
        Assert.Equal(1.0, window.Average(t => result.ConnectedSmoothed[t]), 0.1);
        Assert.True(result.RampDeviation > 0.5);
    }

    [Fact]
    public void Single_realisation_is_not_averaged_but_still_normalised()
    {
        var goe = GoeDraws(600, 1)[0];
        var result = Analyzers.FormFactor.Analyze(AnalysisInput.Of(new Spectra.Spectrum.EigenSpectrum(goe)), Options).Value!;
        Assert.Equal(1, result.Realisations);
        Assert.Equal(1.0, result.PlateauMean!.Value, 0.25);
        Assert.All(result.Connected, v => Assert.True(v >= 0 && double.IsFinite(v)));
        Assert.Equal(80, result.Tau.Length);
        Assert.Equal(1e-3, result.Tau[0], 12);
        Assert.Equal(10, result.Tau[^1], 12);
    }

    [Fact]
    public void Disconnected_part_shows_at_small_tau()
    {
        // K includes |⟨Z⟩|², the filter's transform, which dominates for τ ≪ 1/(2π η Γ).
        var result = Analyzers.FormFactor.Analyze(GoeDraws(200, 10), Options).Value!;
        Assert.True(result.K[0] > 10 * result.Connected[0]);
        Assert.Equal(FormFactorReferences.Goe(result.Tau[40]), result.Goe[40], 15);
    }

    [Fact]
    public void Thouless_time_of_correlated_data_is_stable_under_more_realisations()
    {
        // GOE-like data (CGD): with the tolerance alone, plateau noise put τ_Th at 5.74 with 8 realisations
        // and 0.94 with 32 (d 512, M 4096). The band scaled by the jackknife error must keep both on the
        // ramp and within a factor 3 of each other; the first 8 realisations of 32 are those of an 8-run.
        var run = SpectrumPipeline.Run(GaussianDataSource.Correlated(2048, 256, 0.5, seed: 1), SpectrumOptions.Default with { Realisations = 32 });
        var bulks = run.Realisations.Select(s => s.Bulk().Levels).ToList();
        var few = Analyzers.FormFactor.Analyze(bulks.Take(8).ToList(), FormFactorOptions.Default).Value!;
        var many = Analyzers.FormFactor.Analyze(bulks, FormFactorOptions.Default).Value!;
        foreach (var r in new[] { few, many })
        {
            Assert.NotNull(r.ThoulessTime);
            Assert.Null(r.ThoulessReason);
            Assert.InRange(r.ThoulessTime!.Value, r.ConnectedDefinedFrom!.Value, 1);
            Assert.True(r.ThoulessTimeSpread > 0, $"spread {r.ThoulessTimeSpread}");
        }
        var ratio = Math.Max(few.ThoulessTime!.Value, many.ThoulessTime!.Value) / Math.Min(few.ThoulessTime.Value, many.ThoulessTime.Value);
        Assert.True(ratio < 3, $"τ_Th {few.ThoulessTime} (8) vs {many.ThoulessTime} (32)");
        // More realisations, a narrower band: the jackknife error on the ramp falls (∝ 1/√R would be 2×).
        var ramp = Enumerable.Range(0, many.Tau.Length).Where(t => many.Tau[t] >= 0.1 && many.Tau[t] <= 1).ToArray();
        Assert.True(ramp.Average(t => many.ConnectedSmoothedError![t]) < 0.8 * ramp.Average(t => few.ConnectedSmoothedError![t]));
    }

    [Fact]
    public void Poisson_levels_have_no_Thouless_time_and_say_why()
    {
        // K_c = 1 meets the GOE curve only where the ramp is within the band of the plateau: no ramp was joined.
        var draws = Enumerable.Range(0, 30).Select(k => PoissonLevels.Generate(400, new SeededRandom(k))).ToList();
        var result = Analyzers.FormFactor.Analyze(draws, Options).Value!;
        Assert.Null(result.ThoulessTime);
        Assert.Null(result.ThoulessTimeSpread);
        Assert.Contains("Poisson plateau", result.ThoulessReason);
    }

    [Fact]
    public void Connected_form_factor_is_defined_where_the_filters_transform_has_faded()
    {
        var result = Analyzers.FormFactor.Analyze(GoeDraws(400, 20), Options).Value!;
        var from = result.ConnectedDefinedFrom!.Value;
        var first = Array.IndexOf(result.Tau, from);
        Assert.True(first > 0);
        // Below it the full K is the filter's disconnected part, ≫ the GOE ramp (the chart's rise to ~10²) …
        Assert.True(result.K[0] > 100 * result.Goe[0]);
        // … from it on the full and connected K differ by at most about the 10 % limit of the ramp.
        var later = Enumerable.Range(first, result.Tau.Length - first).Where(t => result.Tau[t] <= 1).ToArray();
        Assert.True(later.Average(t => Math.Abs(result.K[t] - result.Connected[t]) / result.Goe[t]) < 0.3);
    }
}
