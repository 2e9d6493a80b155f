namespace Spectra.Analysis;

/// <summary>
/// The verdict rule of docs/analysis.md. ⟨r̃⟩ decides (it needs no unfolding): with z-scores against
/// the GOE and Poisson references at the user's n, "GOE-like" when |z_GOE| ≤ c &lt; |z_Poisson|,
/// "Poisson-like" when |z_Poisson| ≤ c &lt; |z_GOE|, otherwise "intermediate". P(s) can only downgrade:
/// a GOE-like (Poisson-like) ⟨r̃⟩ whose KL(P(s) ‖ GOE) (‖ Poisson) lies more than c_s reference spreads
/// above the reference mean becomes "intermediate".
/// </summary>
internal static class VerdictRule
{
    public static (IReadOnlyList<StatisticComparison> Comparisons, Verdict Verdict) Decide(SpacingRatioResult? ratio,
        SpacingDistributionResult? spacing, FiniteSizeReferenceSet? references, VerdictOptions options)
    {
        var comparisons = new List<StatisticComparison>();
        if (ratio is null)
            return (comparisons, new Verdict(Verdict.Undetermined, null, null, null, null, null, "none",
                new[] { "too few bulk levels for the spacing ratio: no verdict" }));

        var c = options.ConsistentZ;
        // The reference mean is itself estimated from a few draws: widen the spread by √(1 + 1/draws).
        var inflate = references is null ? 1 : Math.Sqrt(1 + 1.0 / references.Draws);
        var ratioRef = references?.Find(FiniteSizeReferences.RatioMean);
        var ratioCmp = ratioRef is not null
            ? Compare(FiniteSizeReferences.RatioMean, ratio.Mean, "finite-size", ratioRef.GoeMean, inflate * ratioRef.GoeSpread, ratioRef.PoissonMean, inflate * ratioRef.PoissonSpread, c)
            : Compare(FiniteSizeReferences.RatioMean, ratio.Mean, "asymptotic", SpacingRatioReferences.GoeMean, ratio.StandardError,
                SpacingRatioReferences.PoissonMean, ratio.StandardError, c);
        comparisons.Add(ratioCmp);
        if (spacing is not null && references is not null)
        {
            foreach (var (key, value) in new[]
            {
                (FiniteSizeReferences.KlGoe, spacing.Against("goe").KullbackLeibler),
                (FiniteSizeReferences.KlPoisson, spacing.Against("poisson").KullbackLeibler),
                (FiniteSizeReferences.JsGoe, spacing.Against("goe").JensenShannon),
                (FiniteSizeReferences.JsPoisson, spacing.Against("poisson").JensenShannon),
                (FiniteSizeReferences.KsGoe, spacing.Against("goe").KsStatistic),
                (FiniteSizeReferences.KsPoisson, spacing.Against("poisson").KsStatistic),
            })
            {
                if (references.Find(key) is { } rd)
                    comparisons.Add(Compare(key, value, "finite-size", rd.GoeMean, inflate * rd.GoeSpread, rd.PoissonMean, inflate * rd.PoissonSpread, c));
            }
        }

        var reasons = new List<string>();
        var basis = ratioCmp.Basis;
        var cls = ratioCmp.Verdict;
        var n = ratio.Levels;
        reasons.Add(Describe(ratioCmp, n));
        if (cls == Verdict.Intermediate)
        {
            if (ratioCmp.GoeZ is { } zg && ratioCmp.PoissonZ is { } zp && Math.Abs(zg) <= c && Math.Abs(zp) <= c)
                reasons.Add("⟨r̃⟩ is consistent with both references: the bulk is too small to tell them apart");
            else if (ratio.Mean > ratioCmp.GoeMean)
                reasons.Add("⟨r̃⟩ lies above GOE: stronger level repulsion than GOE (GUE-like or a rigid, regular spectrum)");
            else
                reasons.Add("⟨r̃⟩ lies between Poisson and GOE: partial level repulsion");
        }
        var klKey = cls == Verdict.GoeLike ? FiniteSizeReferences.KlGoe : cls == Verdict.PoissonLike ? FiniteSizeReferences.KlPoisson : null;
        if (klKey is not null && comparisons.FirstOrDefault(x => x.Key == klKey) is { } kl)
        {
            var z = cls == Verdict.GoeLike ? kl.GoeZ : kl.PoissonZ;
            var target = cls == Verdict.GoeLike ? "the Wigner surmise" : "Poisson";
            if (z is { } zz && zz > options.SpacingDepartureZ)
            {
                cls = Verdict.Intermediate;
                reasons.Add($"but P(s) departs from {target} by {zz:0.0} reference spreads (KL = {kl.Observed:0.0000}): check the unfolding or the bulk range");
            }
            else if (z is { } zok)
                reasons.Add($"P(s) agrees: KL to {target} = {kl.Observed:0.0000}, z = {zok:0.0} against the reference at this n");
        }
        else if (spacing is not null)
            reasons.Add($"P(s): KL to Wigner = {spacing.Against("goe").KullbackLeibler:0.0000}, to Poisson = {spacing.Against("poisson").KullbackLeibler:0.0000}");

        // At the user's n, the position uses the finite-size means when there are references.
        var gap = ratioCmp.GoeMean - ratioCmp.PoissonMean;
        var position = basis == "finite-size" && gap > 0 ? (ratio.Mean - ratioCmp.PoissonMean) / gap : ratio.Position;
        var verdict = new Verdict(cls, position, ratioCmp.GoeZ, ratioCmp.PoissonZ,
            ratioCmp.GoeZ is { } a ? Statistics.TwoSidedNormalP(a) : null,
            ratioCmp.PoissonZ is { } b ? Statistics.TwoSidedNormalP(b) : null, basis, reasons);
        return (comparisons, verdict);
    }

    private static StatisticComparison Compare(string key, double observed, string basis, double goeMean, double goeSpread,
        double poissonMean, double poissonSpread, double c)
    {
        double? zg = goeSpread > 0 ? (observed - goeMean) / goeSpread : null;
        double? zp = poissonSpread > 0 ? (observed - poissonMean) / poissonSpread : null;
        var goeOk = zg is { } a ? Math.Abs(a) <= c : observed == goeMean;
        var poissonOk = zp is { } b ? Math.Abs(b) <= c : observed == poissonMean;
        var verdict = goeOk && !poissonOk ? Verdict.GoeLike : poissonOk && !goeOk ? Verdict.PoissonLike : Verdict.Intermediate;
        return new StatisticComparison(key, observed, basis, goeMean, goeSpread, zg, poissonMean, poissonSpread, zp, verdict);
    }

    private static string Describe(StatisticComparison r, int levels)
    {
        var refText = r.Basis == "finite-size"
            ? $"GOE at this n {r.GoeMean:0.0000} ± {r.GoeSpread:0.0000}, Poisson {r.PoissonMean:0.0000} ± {r.PoissonSpread:0.0000}"
            : $"asymptotic GOE {r.GoeMean:0.0000}, Poisson {r.PoissonMean:0.0000}, standard error {r.GoeSpread:0.0000}";
        var z = $"z_GOE = {Fmt(r.GoeZ)}, z_Poisson = {Fmt(r.PoissonZ)}";
        return $"⟨r̃⟩ = {r.Observed:0.0000} over {levels} bulk levels ({refText}; {z})";
    }

    private static string Fmt(double? z) => z is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
