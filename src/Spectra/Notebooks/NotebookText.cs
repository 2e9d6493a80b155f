namespace Spectra.Notebooks;

/// <summary>One-line plain-text summaries (the text/plain rendering; records would otherwise print every field).</summary>
internal static class NotebookText
{
    public static string Summary(object value) => value switch
    {
        PowerLawResult p => Inv($"power law: α = {p.Alpha:F4} ± {p.StandardError:F4} over ranks {p.StartRank}–{p.EndRank}, R² = {p.RSquared:F4}"),
        SpacingRatioResult r => Inv($"spacing ratio: ⟨r̃⟩ = {r.Mean:F4} ± {r.StandardError:F4} (position {r.Position:F3}; Poisson 0, GOE 1)"),
        SpacingDistributionResult s => Inv($"P(s): KL to GOE {s.Against("goe").KullbackLeibler:F4}, to Poisson {s.Against("poisson").KullbackLeibler:F4} ({s.Spacings} spacings)"),
        FormFactorResult f => Inv($"form factor: {f.Realisations} realisations, Thouless time {(f.ThoulessTime is { } t ? t.ToString("G4", CultureInfo.InvariantCulture) : "none")}, ramp deviation {f.RampDeviation:F3}"),
        EntropyResult e => Inv($"entropy: S / ln n = {e.All.Normalized:F4}, effective rank {e.All.EffectiveRank:F1} of {e.All.Levels}"),
        MarchenkoPasturResult m => Inv($"Marchenko–Pastur: q = {m.Q:F4}, λ₊ = {m.UpperEdge:G4}, {m.AboveUpperEdge} levels above the edge"),
        SpectralReport r => $"report: {r.Verdict.Class} ({r.Spectrum.NonZero} non-zero levels, bulk {r.Bulk.Levels})" +
                            (r.SpacingRatio.Value is { } x ? Inv($", ⟨r̃⟩ = {x.Mean:F4}") : ""),
        ReportDocument d => $"report of {d.Input.Path}: {d.Verdict.Class}" + (d.SpacingRatio is { } y ? Inv($", ⟨r̃⟩ = {y.Mean:F4} ± {y.Se:F4}") : ""),
        _ when NotebookHtml.IsOutcome(value) => Outcome(value),
        _ => value.ToString() ?? "",
    };

    private static string Outcome(object outcome)
    {
        var t = outcome.GetType();
        var v = t.GetProperty(nameof(AnalyzerOutcome<object>.Value))!.GetValue(outcome);
        return v is not null ? Summary(v) : $"{t.GetProperty(nameof(AnalyzerOutcome<object>.Status))!.GetValue(outcome)}: {t.GetProperty(nameof(AnalyzerOutcome<object>.Message))!.GetValue(outcome)}";
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
