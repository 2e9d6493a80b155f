namespace Spectra.Data.Csv;

/// <summary>The columns a CSV source reads: the features' positions in a record, in selection order, and the label's.</summary>
internal sealed record CsvPlan(int[] Features, string[] FeatureNames, int? Label, string? LabelName, IReadOnlyList<SkippedItem> Skipped, IReadOnlyList<string> Notes);

/// <summary>
/// The header rule and the column selection. A first record is a header when one of its cells is text
/// above a number (or an empty cell) in the record below: a table of numbers only has none, nor has one
/// whose text columns are text from the first record on, and its columns are then named by position
/// ("column 1", …). A column is selected by its name, by a glob over the names, or by its 1-based position.
/// </summary>
internal static class CsvColumns
{
    /// <summary>
    /// Whether <paramref name="first"/> is a header: one of its cells is text (neither empty nor a number)
    /// where the record after it, <paramref name="second"/>, holds a number or nothing. Text over text is a
    /// text column of the data (a headerless table's labels), not a name.
    /// </summary>
    public static bool IsHeader(string?[] first, string?[]? second)
    {
        for (int i = 0; i < first.Length; i++)
            if (IsText(first[i]) && (second is null || i >= second.Length || !IsText(second[i]))) return true;
        return false;
    }

    private static bool IsText(string? cell) => cell is not null && !CsvCells.IsEmpty(cell) && !CsvCells.TryParse(cell, out _);

    public static string PositionName(int ordinal) => "column " + (ordinal + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Resolves the options against the column names. <paramref name="firstRow"/> is the first data row's cells
    /// (null when the file holds none): without a selection, a column whose first value is text is left out.
    /// </summary>
    public static CsvPlan Resolve(IReadOnlyList<string> names, string?[]? firstRow, long firstRowLine, CsvSourceOptions options, string file)
    {
        var notes = new List<string>();
        int? label = null;
        if (options.LabelColumn is string labelName)
            label = Find(names, labelName) ?? throw NotFound(names, labelName, file, "label column");

        var features = new List<int>();
        void Add(int ordinal)
        {
            if (ordinal != label && !features.Contains(ordinal)) features.Add(ordinal);
        }

        if (options.Columns is null)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (i == label) continue;
                var cell = firstRow?[i];
                if (cell is not null && !CsvCells.IsEmpty(cell) && !CsvCells.TryParse(cell, out _))
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"column '{names[i]}' left out: its value on line {firstRowLine}, {CsvCells.Quote(cell)}, is not a number (name it as the label column, or in the column selection to analyse it)"));
                    continue;
                }
                Add(i);
            }
        }
        else
        {
            foreach (var pattern in options.Columns)
            {
                if (Glob.IsPattern(pattern))
                {
                    var glob = Glob.Name(pattern);
                    var matches = Enumerable.Range(0, names.Count).Where(i => glob.IsMatch(names[i])).ToList();
                    if (matches.Count == 0)
                        throw new SpectraException(SpectraErrorKind.InvalidOption, $"the pattern '{pattern}' matches no column", file, hint: "columns: " + Available(names));
                    foreach (var i in matches) Add(i);
                    continue;
                }
                Add(Find(names, pattern) ?? throw NotFound(names, pattern, file, "column"));
            }
        }
        if (features.Count == 0)
            throw new SpectraException(SpectraErrorKind.NotEnoughData, "no numeric column to analyse", file, hint: "the file's columns: " + Available(names));

        var used = new HashSet<int>(features);
        if (label is int l) used.Add(l);
        var skipped = Enumerable.Range(0, names.Count).Where(i => !used.Contains(i))
            .Select(i => new SkippedItem(names[i], options.Columns is null ? "text column (not a feature)" : "not selected")).ToList();
        return new CsvPlan(features.ToArray(), features.Select(i => names[i]).ToArray(), label, label is int k ? names[k] : null, skipped, notes);
    }

    /// <summary>A column by its exact name first, then by its 1-based position.</summary>
    public static int? Find(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= names.Count)
            return position - 1;
        return null;
    }

    private static string Available(IReadOnlyList<string> names) =>
        names.Count == 0 ? "(none)" : string.Join(", ", names.Take(40).Select(n => "'" + n + "'")) + (names.Count > 40 ? ", …" : "");

    private static SpectraException NotFound(IReadOnlyList<string> names, string name, string file, string what) =>
        new(SpectraErrorKind.InvalidOption, $"no {what} named '{name}'", file,
            hint: "columns: " + Available(names) + string.Create(CultureInfo.InvariantCulture, $" (or a position, 1 to {names.Count})"));
}
