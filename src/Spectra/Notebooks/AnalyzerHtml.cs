using static Spectra.Notebooks.NotebookHtml;

namespace Spectra.Notebooks;

/// <summary>One analyzer's result: its numbers as a table and its chart against the references.</summary>
internal static class AnalyzerHtml
{
    public static string? Result(object value) => value switch
    {
        PowerLawResult p => PowerLaw(p),
        SpacingRatioResult r => Ratio(r),
        SpacingDistributionResult s => Spacing(s),
        FormFactorResult f => FormFactor(f),
        EntropyResult e => Entropy(e),
        MarchenkoPasturResult m => MarchenkoPastur(m),
        _ => null,
    };

    /// <summary>An <see cref="AnalyzerOutcome{T}"/>: the result when there is one, else why not.</summary>
    public static string Outcome(object outcome)
    {
        var t = outcome.GetType();
        var value = t.GetProperty(nameof(AnalyzerOutcome<object>.Value))!.GetValue(outcome);
        if (value is not null && Result(value) is { } html) return html;
        var status = t.GetProperty(nameof(AnalyzerOutcome<object>.Status))!.GetValue(outcome);
        var message = t.GetProperty(nameof(AnalyzerOutcome<object>.Message))!.GetValue(outcome) as string;
        return $"<p class=\"muted\">{E(status?.ToString() ?? "")}: {E(message ?? "no result")}</p>\n";
    }

    private static string PowerLaw(PowerLawResult p)
    {
        var rows = new List<(string, string)>
        {
            ("α (λ_i ∝ i^-(1+α))", $"{F(p.Alpha)} ± {F(p.StandardError)}"),
            ($"{F(p.ConfidenceLevel * 100, 0)} % bootstrap interval ({p.BootstrapSamples} resamples)", $"[{F(p.ConfidenceLow)}, {F(p.ConfidenceHigh)}]"),
            ("fit ranks", $"{p.StartRank}–{p.EndRank} of {p.NonZeroLevels} ({p.Points} points)"),
            ("R²", F(p.RSquared)),
            ("largest change of α when the range is halved or doubled", F(p.SensitivitySpread)),
        };
        if (p.Tail is { } t)
            rows.Add(("CSN tail fit: implied α", $"{F(t.ImpliedAlpha)} ± {F(t.ImpliedAlphaStandardError)} (x_min = {G(t.XMin)}, {t.TailCount} levels, p = {F(t.GoodnessOfFitP, 3)}, agrees: {(t.AgreesWithOls ? "yes" : "no")})"));
        return Table(rows) + Charts(new[] { AnalyzerCharts.PowerLaw(p) });
    }

    private static string Ratio(SpacingRatioResult r)
    {
        var rows = new List<(string, string)>
        {
            ("⟨r̃⟩", $"{F(r.Mean)} ± {F(r.StandardError)}"),
            ("position Poisson (0) → GOE (1)", F(r.Position, 3)),
            ("ratios", $"{r.Count} from {r.Levels} bulk levels ({r.ExcludedRatios} excluded for zero spacings)"),
        };
        rows.AddRange(r.Comparisons.Select(c => ($"KS distance to {c.Reference} (asymptotic ⟨r̃⟩ {F(c.AsymptoticMean)})", $"{F(c.KsStatistic)} (p = {F(c.KsPValue, 3)})")));
        rows.AddRange(r.HigherOrders.Select(h => ($"⟨r̃⟩ of {h.Order}-spacings", $"{F(h.Mean)} ± {F(h.StandardError)} ({h.Count})")));
        return Table(rows) + Charts(new[] { AnalyzerCharts.Ratio(r) });
    }

    private static string Spacing(SpacingDistributionResult s)
    {
        var rows = new List<(string, string)>
        {
            ("spacings", $"{s.Spacings} from {s.Levels} levels"),
            ("⟨s⟩, ⟨s²⟩", $"{F(s.MeanSpacing)}, {F(s.SecondMoment)} (Wigner: 1, {F(4 / Math.PI)}; Poisson: 1, 2)"),
            ("unfolding residual (RMS, levels)", F(s.Unfolding.ResidualRms)),
        };
        rows.AddRange(s.Comparisons.Select(c => ($"against {c.Reference}", $"KL {F(c.KullbackLeibler)}, JS {F(c.JensenShannon)}, KS {F(c.KsStatistic)} (p = {F(c.KsPValue, 3)})")));
        return Table(rows) + Charts(new[] { AnalyzerCharts.Spacing(s) });
    }

    private static string FormFactor(FormFactorResult f) =>
        Table(new (string, string)[]
        {
            ("realisations averaged", I(f.Realisations)),
            ("mean levels per realisation", F(f.MeanLevels, 1)),
            ("Thouless time (Heisenberg times)", f.ThoulessTime is { } t ? F(t) : "none"),
            ("plateau mean K_c (τ ≥ 2)", F(f.PlateauMean)),
            ("ramp deviation from GOE (0.1 ≤ τ ≤ 1)", F(f.RampDeviation)),
        }) + Charts(new[] { AnalyzerCharts.FormFactor(f) });

    private static string Entropy(EntropyResult e)
    {
        var rows = new List<(string, string)>
        {
            ("S / ln n (all non-zero levels)", $"{F(e.All.Normalized)} ({e.All.Levels} levels)"),
            ("S", F(e.All.Entropy)),
            ("effective rank exp(S)", F(e.All.EffectiveRank, 1)),
        };
        if (e.Bulk is { } b) rows.Add(("S / ln n (bulk)", $"{F(b.Normalized)} ({b.Levels} levels, effective rank {F(b.EffectiveRank, 1)})"));
        return Table(rows);
    }

    private static string MarchenkoPastur(MarchenkoPasturResult m) =>
        Table(new (string, string)[]
        {
            ("q = p / n", F(m.Q)),
            ("σ² (" + m.Method.ToString().ToLowerInvariant() + ")", G(m.SigmaSquared)),
            ("edges λ₋, λ₊", $"{G(m.LowerEdge)}, {G(m.UpperEdge)}"),
            ("levels above λ₊ (signal directions)", $"{m.AboveUpperEdge} of {m.NonZeroLevels}"),
            ("fraction inside the edges", F(m.FractionInside, 3)),
            ("KS distance to the MP law", F(m.KsDistance)),
            ("Tracy–Widom statistic of λ_max", $"{F(m.TracyWidom.Statistic, 2)} (p = {G(m.TracyWidom.PValue)}{(m.TracyWidom.Significant ? ", significant" : "")})"),
        }) + Charts(new[] { AnalyzerCharts.MarchenkoPastur(m) });
}
