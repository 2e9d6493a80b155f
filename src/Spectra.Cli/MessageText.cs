using System.Globalization;
using System.Text.RegularExpressions;

namespace Spectra.Cli;

/// <summary>
/// Text from outside (file names, values read from a file) made safe for a terminal line: a newline in
/// a file name must not forge a second error line, and an escape sequence must not reach the terminal.
/// </summary>
public static partial class MessageText
{
    /// <summary>Control characters (C0, DEL, C1) and the line/paragraph separators and bidirectional overrides, as visible escapes.</summary>
    public static string Escape(string text)
    {
        int first = 0;
        while (first < text.Length && !NeedsEscape(text[first])) first++;
        if (first == text.Length) return text;
        var sb = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!NeedsEscape(c)) sb.Append(c);
            else sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\x1B' => "\\e",
                _ when c < 0x100 => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c < 0x20 || c is >= '\x7F' and <= '\x9F' || c is '\u2028' or '\u2029' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    /// <summary>A command-line parse error in the user's terms: "an integer", not System.Nullable`1[System.Int32].</summary>
    public static string ParseError(string message) => Escape(OneLine(ExpectedType().Replace(message, m => ": expected " + TypeWord(m.Groups[1].Value))));

    /// <summary>The parser lists choices one per line ("Must be one of:\n\t'a'\n\t'b'"); an error is one line: "Must be one of: 'a', 'b'".</summary>
    private static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Length <= 1 ? message : lines[0] + " " + string.Join(", ", lines[1..]);
    }

    private static string TypeWord(string dotnetType) =>
        dotnetType.Contains("Int32") || dotnetType.Contains("Int64") ? "an integer" :
        dotnetType.Contains("Double") || dotnetType.Contains("Single") ? "a number" :
        dotnetType.Contains("Boolean") ? "true or false" : "text";

    [GeneratedRegex(@" as expected type '([^']*)'")]
    private static partial Regex ExpectedType();
}
