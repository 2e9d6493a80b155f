using System.Globalization;

namespace Spectra.Cli;

/// <summary>
/// Everything one run reads from the command line, by the option names the library and the JSON
/// report use. <see cref="ToOptionMap"/> keeps the options that change the numbers, so that a
/// baseline records them and a check repeats them.
/// </summary>
public sealed record RunSettings
{
    public required string Path { get; init; }

    // Source
    public string Color { get; init; } = "gray";
    public string? Resize { get; init; }
    public IReadOnlyList<string> Include { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Columns { get; init; } = Array.Empty<string>();
    public string? ListColumn { get; init; }
    public string? LabelColumn { get; init; }
    public string Nulls { get; init; } = "error";
    public int? MaxSamples { get; init; }
    public int Seed { get; init; }
    public bool SkipInvalid { get; init; }

    // Matrix
    public string Matrix { get; init; } = "auto";
    public bool NoCenter { get; init; }
    public bool Standardize { get; init; }
    public bool DropNonFinite { get; init; }
    public int Threads { get; init; }

    // Analysis
    public int KTop { get; init; } = 10;
    public int KBottom { get; init; } = 10;
    public string Unfolding { get; init; } = "log-polynomial";
    public int UnfoldingDegree { get; init; } = 9;
    public int SffRealisations { get; init; } = 8;
    public int? StartRank { get; init; }
    public int? EndRank { get; init; }
    public int ReferenceDraws { get; init; } = 10;
    public double Eta { get; init; } = 0.5;

    /// <summary>The options that change the numbers, by name, in invariant text.</summary>
    public SortedDictionary<string, string> ToOptionMap()
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["color"] = Color,
            ["matrix"] = Matrix,
            ["center"] = (!NoCenter).ToString().ToLowerInvariant(),
            ["standardize"] = Standardize.ToString().ToLowerInvariant(),
            ["drop_non_finite"] = DropNonFinite.ToString().ToLowerInvariant(),
            ["k_top"] = I(KTop),
            ["k_bottom"] = I(KBottom),
            ["unfolding"] = Unfolding,
            ["unfolding_degree"] = I(UnfoldingDegree),
            ["sff_realisations"] = I(SffRealisations),
            ["seed"] = I(Seed),
            ["reference_draws"] = I(ReferenceDraws),
            ["eta"] = Eta.ToString("R", CultureInfo.InvariantCulture),
        };
        if (StartRank is { } sr) map["start_rank"] = I(sr);
        if (EndRank is { } er) map["end_rank"] = I(er);
        if (Resize is not null) map["resize"] = Resize;
        if (Include.Count > 0) map["include"] = string.Join(",", Include);
        if (Exclude.Count > 0) map["exclude"] = string.Join(",", Exclude);
        if (Columns.Count > 0) map["columns"] = string.Join(",", Columns);
        if (ListColumn is not null) map["list_column"] = ListColumn;
        if (LabelColumn is not null) map["label_column"] = LabelColumn;
        if (Nulls != "error") map["nulls"] = Nulls;
        if (MaxSamples is { } m) map["max_samples"] = I(m);
        return map;
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>(width, height) from "WxH" or "W×H".</summary>
    public (int Width, int Height)? ResizeSize()
    {
        if (Resize is null) return null;
        var parts = Resize.ToLowerInvariant().Replace('×', 'x').Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0)
            return (w, h);
        throw new SpectraException(SpectraErrorKind.InvalidOption, $"--resize '{Resize}' is not WIDTHxHEIGHT", hint: "e.g. --resize 28x28");
    }
}
