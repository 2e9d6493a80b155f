using Spectra.Pipeline;

namespace Spectra.Fluent;

/// <summary>
/// The rules settings must meet before a run, in one place for the CLI and the fluent API, so that a
/// check reading its options from a baseline is held to them too. Messages name a setting through the
/// front end's spelling of its key (--k-top on the command line; k-top by default).
/// </summary>
public static class SettingsValidation
{
    /// <summary>The key as the fluent API's messages name it: k_top → k-top.</summary>
    public static string Plain(string key) => key.Replace('_', '-');

    public static AnalyzeSettings Validate(this AnalyzeSettings a, Func<string, string>? spell = null)
    {
        spell ??= Plain;
        NonNegative(a.KTop, "k_top", spell);
        NonNegative(a.KBottom, "k_bottom", spell);
        if (a.ReferenceDraws is < 0 or > OptionLimits.MaxReferenceDraws)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"{spell("reference_draws")} must be 0…{OptionLimits.MaxReferenceDraws} (got {a.ReferenceDraws})");
        if (a.SffRealisations is < 0 or > OptionLimits.MaxSffRealisations)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"{spell("sff_realisations")} must be 0…{OptionLimits.MaxSffRealisations} (got {a.SffRealisations})");
        PowerLawRange(a.StartRank, a.EndRank, spell);
        a.UnfoldingOptions();
        return a;
    }

    public static MatrixSettings Validate(this MatrixSettings m, Func<string, string>? spell = null)
    {
        m.Request(spell);
        if (m.Threads is < 0 or > OptionLimits.MaxThreads)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"{(spell ?? Plain)("threads")} must be 0…{OptionLimits.MaxThreads} (got {m.Threads})");
        return m;
    }

    /// <summary>The matrix the settings name; an unknown name is an error, never a silent "auto".</summary>
    public static MatrixRequest Request(this MatrixSettings m, Func<string, string>? spell = null) => m.Matrix switch
    {
        "covariance" => MatrixRequest.Covariance,
        "gram" => MatrixRequest.Gram,
        "auto" => MatrixRequest.Auto,
        _ => throw new SpectraException(SpectraErrorKind.InvalidOption, $"{(spell ?? Plain)("matrix")} '{m.Matrix}' is not covariance, gram or auto"),
    };

    /// <summary>
    /// A range given in full must hold a fit: otherwise the power law would silently be left out of
    /// the report, which reads as "no power law" rather than "wrong options".
    /// </summary>
    private static void PowerLawRange(int? start, int? end, Func<string, string> spell)
    {
        if (start is not { } s || end is not { } e) return;
        var minimum = Analysis.PowerLaw.PowerLawOptions.Default.MinimumPoints;
        if (s > e)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"{spell("start_rank")} ({s}) is above {spell("end_rank")} ({e})",
                hint: $"ranks count from the largest eigenvalue: give {spell("start_rank")} ≤ {spell("end_rank")}");
        if (e - s + 1 < minimum)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"{spell("start_rank")} {s} … {spell("end_rank")} {e} holds {e - s + 1} ranks; the power-law fit needs at least {minimum}",
                hint: "widen the range");
    }

    private static void NonNegative(int v, string key, Func<string, string> spell)
    {
        if (v < 0) throw new SpectraException(SpectraErrorKind.InvalidOption, $"{spell(key)} must be ≥ 0 (got {v})");
    }
}
