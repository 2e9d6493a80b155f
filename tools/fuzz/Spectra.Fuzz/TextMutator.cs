using System.Text;

namespace Spectra.Fuzz;

/// <summary>
/// Mutations of a configuration file that keep it mostly readable, so the damage reaches the parser's
/// checks rather than stopping at the first byte: a number made extreme or a word, a line doubled,
/// dropped or moved, a key misspelt, deep nesting; otherwise the byte mutations of <see cref="Mutator"/>.
/// </summary>
internal static class TextMutator
{
    private static readonly string[] Values =
        ["-5", "0", "-0", "1e308", "-1e308", "1e400", "NaN", "\"banana\"", "null", "true", "[]", "{}", "99999999999999999999", "0.5e-320", "\"\"", "-1"];

    public static (byte[] Bytes, string How) Mutate(byte[] original, Random rng)
    {
        if (rng.Next(3) == 0) return Mutator.Mutate(original, png: false, rng);
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        int at = rng.Next(lines.Count);
        string how;
        switch (rng.Next(6))
        {
            case 0:
            {
                // A value replaced: after a ':' (JSON and YAML), whatever it was.
                int colon = lines[at].IndexOf(':');
                if (colon < 0) goto case 1;
                var v = Values[rng.Next(Values.Length)];
                bool comma = lines[at].TrimEnd().EndsWith(',');
                lines[at] = lines[at][..(colon + 1)] + " " + v + (comma ? "," : "");
                how = $"value on line {at + 1} set to {v}";
                break;
            }
            case 1:
                lines.Insert(at, lines[at]);
                how = $"line {at + 1} doubled";
                break;
            case 2:
                lines.RemoveAt(at);
                how = $"line {at + 1} dropped";
                break;
            case 3:
            {
                int to = rng.Next(lines.Count);
                (lines[at], lines[to]) = (lines[to], lines[at]);
                how = $"lines {at + 1} and {to + 1} swapped";
                break;
            }
            case 4:
            {
                // A key misspelt: one letter of the line changed.
                var chars = lines[at].ToCharArray();
                if (chars.Length == 0) goto case 2;
                int c = rng.Next(chars.Length);
                chars[c] = (char)('a' + rng.Next(26));
                lines[at] = new string(chars);
                how = $"character {c + 1} of line {at + 1} changed";
                break;
            }
            default:
            {
                int depth = 1 + rng.Next(200);
                int colon = lines[at].IndexOf(':');
                if (colon < 0) goto case 1;
                lines[at] = lines[at][..(colon + 1)] + new string('[', depth) + new string(']', depth);
                how = $"value on line {at + 1} nested {depth} deep";
                break;
            }
        }
        return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), how);
    }
}
