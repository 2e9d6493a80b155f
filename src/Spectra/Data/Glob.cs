namespace Spectra.Data;

/// <summary>
/// One glob language for file paths (--include, --exclude) and column names (--columns): '?' is one
/// character and '*' a run of them. In a path, '*' and '?' stay within one folder, '**' crosses folders,
/// and a pattern without '/' matches the file name; a column name has no folders, so '*' matches anything.
/// </summary>
internal sealed class Glob
{
    private readonly Regex _regex;
    private readonly bool _nameOnly;

    private Glob(string pattern, bool path)
    {
        _nameOnly = path && !pattern.Contains('/');
        var sb = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (path && c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" also matches no folder at all.
                bool slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') sb.Append(path ? "[^/]*" : ".*");
            else if (c == '?') sb.Append(path ? "[^/]" : ".");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        _regex = new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>A glob over paths relative to the input folder, with '/' between folders.</summary>
    public static Glob Path(string pattern) => new(pattern, path: true);

    /// <summary>A glob over column names.</summary>
    public static Glob Name(string pattern) => new(pattern, path: false);

    public static bool IsPattern(string s) => s.Contains('*') || s.Contains('?');

    public bool IsMatch(string text) =>
        _regex.IsMatch(_nameOnly ? text[(text.LastIndexOf('/') + 1)..] : text);
}
