namespace Spectra.Data.Images;

/// <summary>
/// Class labels taken from file names (<c>_label(\d+)</c> on <c>00000_label7.png</c> gives "7"), for datasets that put
/// the class in the name rather than in a subfolder. The pattern is searched for in the path relative to the folder
/// and must have exactly one group, the label. It runs without backtracking, so no pattern can make a name slow to match.
/// </summary>
internal sealed class LabelPattern
{
    private readonly Regex _regex;

    public LabelPattern(string pattern)
    {
        Text = pattern;
        _regex = Compile(pattern, out var error) ?? throw SpectraException.Naming(SpectraErrorKind.InvalidOption, $"{{label_pattern}} {error}", ["label_pattern"],
            hint: "give a regular expression with one group around the label, e.g. _label(\\d+)");
    }

    public string Text { get; }

    /// <summary>Why <paramref name="pattern"/> cannot be a label pattern, or null when it can.</summary>
    public static string? Problem(string pattern) => Compile(pattern, out var error) is null ? error : null;

    private static Regex? Compile(string pattern, out string error)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            error = $"'{pattern}' is not a regular expression this reader takes ({e.Message})";
            return null;
        }
        int groups = regex.GetGroupNumbers().Length - 1;
        error = $"'{pattern}' has {groups} groups; it needs exactly one, around the label";
        return groups == 1 ? regex : null;
    }

    /// <summary>The label in <paramref name="relativePath"/>; a file whose path does not match is an error naming it.</summary>
    public string LabelOf(string relativePath, string root)
    {
        var match = _regex.Match(relativePath);
        if (match.Success && match.Groups[1].Success && match.Groups[1].Length > 0) return match.Groups[1].Value;
        throw SpectraException.Naming(SpectraErrorKind.InvalidOption, $"'{relativePath}' does not match {{label_pattern}} '{Text}', so it has no label", ["label_pattern", "exclude"], root,
            hint: "fix the pattern, or leave such files out with {exclude}");
    }
}
