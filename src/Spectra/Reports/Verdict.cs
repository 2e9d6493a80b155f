using static System.FormattableString;
using Spectra.Reports.Document;

namespace Spectra.Reports;

/// <summary>
/// The one-word class of a spectrum's level statistics: "goe" when ⟨r̃⟩ sits in the upper quarter of
/// the way from Poisson to GOE and P(s) is closer (in KL) to the Wigner surmise than to e^-s,
/// "poisson" for the mirror case, "intermediate" otherwise, "unknown" when the bulk is too small.
/// </summary>
public static class Verdict
{
    public static VerdictSection Of(SpacingRatioSection? ratio, SpacingSection? spacing)
    {
        if (ratio is null) return new VerdictSection("unknown", "too few levels for level statistics");
        var pos = ratio.GoePosition;
        var klSaysGoe = spacing is null || spacing.KlGoe < spacing.KlPoisson;
        var klSaysPoisson = spacing is null || spacing.KlPoisson < spacing.KlGoe;
        var where = Invariant($"⟨r̃⟩ = {ratio.Mean:F4} ± {ratio.Se:F4} is {pos * 100:F0}% of the way from Poisson ({ratio.PoissonReference:F4}) to GOE ({ratio.GoeReference:F4})");
        var kl = spacing is null ? "" : Invariant($"; KL(P(s) ‖ GOE) = {spacing.KlGoe:F4}, KL(P(s) ‖ Poisson) = {spacing.KlPoisson:F4}");
        var cls = pos >= 0.75 && klSaysGoe ? "goe" : pos <= 0.25 && klSaysPoisson ? "poisson" : "intermediate";
        var lead = cls switch
        {
            "goe" => "GOE-like: the levels repel, as in a chaotic system (correlated data)",
            "poisson" => "Poisson-like: independent levels",
            _ => "between Poisson and GOE",
        };
        return new VerdictSection(cls, lead + ": " + where + kl);
    }
}
