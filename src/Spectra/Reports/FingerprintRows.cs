namespace Spectra.Reports;

/// <summary>One line of the fingerprint table: a statistic, its value, and its GOE and Poisson references.</summary>
internal sealed record FingerprintRow(string Statistic, string Value, string Goe, string Poisson);

/// <summary>The fingerprint table shared by the console, Markdown and HTML renderers.</summary>
internal static class FingerprintRows
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["spacing_ratio.mean"] = "spacing ratio ⟨r̃⟩",
        ["spacing_distribution.kl_goe"] = "KL(P(s) ‖ Wigner)",
        ["spacing_distribution.kl_poisson"] = "KL(P(s) ‖ Poisson)",
        ["spacing_distribution.ks_goe"] = "KS distance of P(s) to Wigner",
        ["spacing_distribution.ks_poisson"] = "KS distance of P(s) to Poisson",
    };

    public static IReadOnlyList<FingerprintRow> From(ReportDocument r)
    {
        var rows = new List<FingerprintRow>();
        var shown = r.References.Where(x => Names.ContainsKey(x.Key)).ToList();
        foreach (var x in shown)
        {
            var value = x.Key == "spacing_ratio.mean" && r.SpacingRatio is { } sr ? $"{F(sr.Mean, 4)} ± {F(sr.Se, 4)}" : F(x.Observed, 4);
            var spread = x.Basis == "finite-size";
            rows.Add(new FingerprintRow(Names[x.Key], value,
                spread ? $"{F(x.GoeMean, 4)} ± {F(x.GoeSpread, 4)}" : F(x.GoeMean, 4),
                spread ? $"{F(x.PoissonMean, 4)} ± {F(x.PoissonSpread, 4)}" : F(x.PoissonMean, 4)));
        }
        if (r.SpacingRatio is { } ratio)
        {
            if (!shown.Any(x => x.Key == "spacing_ratio.mean"))
                rows.Insert(0, new FingerprintRow("spacing ratio ⟨r̃⟩", $"{F(ratio.Mean, 4)} ± {F(ratio.Se, 4)}", F(ratio.GoeReference, 4), F(ratio.PoissonReference, 4)));
            rows.Insert(1, new FingerprintRow("position Poisson → GOE", F(ratio.GoePosition, 3), "1", "0"));
        }
        if (r.SpacingDistribution is { } sp && !shown.Any(x => x.Key.StartsWith("spacing_distribution.kl", StringComparison.Ordinal)))
        {
            rows.Add(new FingerprintRow("KL(P(s) ‖ Wigner)", F(sp.KlGoe, 4), "0", "–"));
            rows.Add(new FingerprintRow("KL(P(s) ‖ Poisson)", F(sp.KlPoisson, 4), "–", "0"));
        }
        if (r.FormFactor is { } ff)
            rows.Add(new FingerprintRow("Thouless time τ_Th (Heisenberg times)", ThoulessText(ff), "K = 2τ − τ ln(1 + 2τ)", "K = 1"));
        if (r.PowerLaw is { } p)
            rows.Add(new FingerprintRow("power law α (λ_i ∝ i^-(1+α))", $"{F(p.Alpha, 4)} [{F(p.CiLow, 4)}, {F(p.CiHigh, 4)}], R² {F(p.R2, 4)}", "–", "–"));
        if (r.Entropy is { } e)
            rows.Add(new FingerprintRow("spectral entropy S / ln n", $"{F(e.Normalized, 4)} (effective rank {F(e.EffectiveRank, 1)})", "–", "–"));
        if (r.MarchenkoPastur is { } mp)
            rows.Add(new FingerprintRow("eigenvalues above the Marchenko–Pastur edge", $"{mp.AboveEdge} (λ₊ = {G(mp.LambdaPlus)}, q = {F(mp.Q, 4)})", "–", "0 if uncorrelated"));
        return rows;
    }

    /// <summary>The Thouless time with its spread, or "none" with the reason.</summary>
    internal static string ThoulessText(FormFactorSection f) => f.ThoulessTime is { } t
        ? f.ThoulessTimeSpread is { } s ? $"{F(t, 4)} ± {F(s, 4)}" : F(t, 4)
        : f.ThoulessReason is { } why ? $"none ({why})" : "none";

    internal static string F(double v, int decimals) => double.IsFinite(v) ? v.ToString("F" + decimals, CultureInfo.InvariantCulture) : "n/a";
    internal static string G(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "n/a";
}
