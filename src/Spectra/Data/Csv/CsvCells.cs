namespace Spectra.Data.Csv;

/// <summary>What a cell's text means as a number, in the invariant culture whatever the machine's.</summary>
internal static class CsvCells
{
    /// <summary>
    /// Reads a number; false when the cell holds something else. Besides .NET's own spellings, the lower-case
    /// "nan", "inf" and "-inf" that numpy and C's printf write are read as the non-finite values they are,
    /// so that the pipeline's non-finite policy, not the parser, decides what happens to them.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> cell, out double value)
    {
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        var t = cell.Trim();
        bool negative = false;
        if (t.Length > 0 && (t[0] == '-' || t[0] == '+'))
        {
            negative = t[0] == '-';
            t = t[1..];
        }
        if (t.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }
        if (t.Equals("inf", StringComparison.OrdinalIgnoreCase) || t.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        return false;
    }

    /// <summary>An empty cell (or one of blanks) is a missing value, for the null policy.</summary>
    public static bool IsEmpty(ReadOnlySpan<char> cell) => cell.IsWhiteSpace();

    /// <summary>A cell as a message quotes it: at most 40 characters.</summary>
    public static string Quote(ReadOnlySpan<char> cell)
    {
        var text = cell.Length > 40 ? string.Concat(cell[..40], "…") : cell.ToString();
        return "\"" + text + "\"";
    }
}
