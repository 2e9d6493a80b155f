using System.Globalization;

namespace Spectra.Fluent;

/// <summary>
/// The options that change the numbers, by the CLI's JSON names (what reports and baselines record), in
/// both directions: settings → map for a report, map → settings for a check, so that a check computes
/// today's metrics exactly as the baseline's were computed. The CLI and <see cref="Dataset"/> share it,
/// which is what keeps their reports byte-identical.
/// </summary>
public static class OptionMapping
{
    public static SortedDictionary<string, string> Write(LoadSettings load, MatrixSettings matrix, AnalyzeSettings analyze)
    {
        var (l, m, a) = (load, matrix, analyze);
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["color"] = l.Color,
            ["matrix"] = m.Matrix,
            ["center"] = Bool(m.Center),
            ["standardize"] = Bool(m.Standardize),
            ["drop_non_finite"] = Bool(m.DropNonFinite),
            ["k_top"] = Int(a.KTop),
            ["k_bottom"] = Int(a.KBottom),
            ["unfolding"] = a.Unfolding,
            ["unfolding_degree"] = Int(a.UnfoldingDegree),
            ["sff_realisations"] = Int(a.SffRealisations),
            ["seed"] = Int(l.Seed),
            ["reference_draws"] = Int(a.ReferenceDraws),
            ["eta"] = a.Eta.ToString("R", CultureInfo.InvariantCulture),
        };
        if (a.StartRank is { } sr) map["start_rank"] = Int(sr);
        if (a.EndRank is { } er) map["end_rank"] = Int(er);
        if (l.Resize is { } r) map["resize"] = r;
        if (l.Include.Count > 0) map["include"] = string.Join(",", l.Include);
        if (l.Exclude.Count > 0) map["exclude"] = string.Join(",", l.Exclude);
        if (l.Columns.Count > 0) map["columns"] = string.Join(",", l.Columns);
        if (l.ListColumn is not null) map["list_column"] = l.ListColumn;
        if (l.LabelColumn is not null) map["label_column"] = l.LabelColumn;
        if (l.Nulls != "error") map["nulls"] = l.Nulls;
        if (l.MaxSamples is { } n) map["max_samples"] = Int(n);
        return map;
    }

    /// <summary>
    /// The settings with every key of <paramref name="map"/> applied, except those <paramref name="keep"/>
    /// names (the CLI keeps what the user gave on the command line). A key the map lacks leaves the
    /// setting as it was; a value that does not parse is an error naming its key, never a silent default.
    /// </summary>
    public static (LoadSettings Load, MatrixSettings Matrix, AnalyzeSettings Analyze) Read(IReadOnlyDictionary<string, string> map,
        LoadSettings load, MatrixSettings matrix, AnalyzeSettings analyze, Func<string, bool>? keep = null) =>
        Read(map, load, matrix, analyze, keep, looked: null);

    /// <summary>
    /// Checks a recorded option map (a baseline's) on its own: every key known, every value parsing and in
    /// range. The error names the key as the map spells it.
    /// </summary>
    public static void Check(IReadOnlyDictionary<string, string> map)
    {
        var looked = new HashSet<string>(StringComparer.Ordinal);
        var (_, m, a) = Read(map, LoadSettings.Default, MatrixSettings.Default, AnalyzeSettings.Default, null, looked);
        foreach (var key in map.Keys)
            if (!looked.Contains(key))
                throw new SpectraException(SpectraErrorKind.InvalidOption, $"unknown option '{key}'",
                    hint: "known options: " + string.Join(", ", looked.Order(StringComparer.Ordinal)));
        a.Validate(k => k);
        m.Validate(k => k);
        // The fluent API's own checks of the values Validate leaves to the run.
        _ = new AnalyzeOptions().FitRanks(a.StartRank, a.EndRank).Eta(a.Eta);
    }

    private static (LoadSettings Load, MatrixSettings Matrix, AnalyzeSettings Analyze) Read(IReadOnlyDictionary<string, string> map,
        LoadSettings load, MatrixSettings matrix, AnalyzeSettings analyze, Func<string, bool>? keep, HashSet<string>? looked)
    {
        string? S(string key)
        {
            looked?.Add(key);
            return keep?.Invoke(key) != true && map.TryGetValue(key, out var v) ? v : null;
        }
        SpectraException Bad(string key, string value, string what) =>
            new(SpectraErrorKind.InvalidOption, $"option '{key}' is '{value}', not {what}");
        int? Parsed(string key) => S(key) is { } v
            ? int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : throw Bad(key, v, "an integer")
            : null;
        int I(string key, int current) => Parsed(key) ?? current;
        int? N(string key, int? current) => Parsed(key) ?? current;
        bool B(string key, bool current) => S(key) switch
        {
            null => current,
            "true" => true,
            "false" => false,
            var v => throw Bad(key, v, "true or false"),
        };
        double D(string key, double current) => S(key) is { } v
            ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : throw Bad(key, v, "a finite number")
            : current;
        IReadOnlyList<string> L(string key, IReadOnlyList<string> current) => S(key)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? current;

        var size = S("resize") is { } resize
            ? LoadSettings.ParseResize(resize) ?? throw new SpectraException(SpectraErrorKind.InvalidOption, $"resize '{resize}' is not WIDTHxHEIGHT")
            : ((int Width, int Height)?)null;
        var l = load with
        {
            Color = S("color") ?? load.Color,
            ResizeWidth = size?.Width ?? load.ResizeWidth,
            ResizeHeight = size?.Height ?? load.ResizeHeight,
            Include = L("include", load.Include),
            Exclude = L("exclude", load.Exclude),
            Columns = L("columns", load.Columns),
            ListColumn = S("list_column") ?? load.ListColumn,
            LabelColumn = S("label_column") ?? load.LabelColumn,
            Nulls = S("nulls") ?? load.Nulls,
            MaxSamples = N("max_samples", load.MaxSamples),
            Seed = I("seed", load.Seed),
        };
        var m = matrix with
        {
            Matrix = S("matrix") ?? matrix.Matrix,
            Center = B("center", matrix.Center),
            Standardize = B("standardize", matrix.Standardize),
            DropNonFinite = B("drop_non_finite", matrix.DropNonFinite),
        };
        var a = analyze with
        {
            KTop = I("k_top", analyze.KTop),
            KBottom = I("k_bottom", analyze.KBottom),
            Unfolding = S("unfolding") ?? analyze.Unfolding,
            UnfoldingDegree = I("unfolding_degree", analyze.UnfoldingDegree),
            SffRealisations = I("sff_realisations", analyze.SffRealisations),
            StartRank = N("start_rank", analyze.StartRank),
            EndRank = N("end_rank", analyze.EndRank),
            ReferenceDraws = I("reference_draws", analyze.ReferenceDraws),
            Eta = D("eta", analyze.Eta),
        };
        return (l, m, a);
    }

    private static string Bool(bool b) => b ? "true" : "false";
    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
}
