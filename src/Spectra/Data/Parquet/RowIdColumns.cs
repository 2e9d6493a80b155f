namespace Spectra.Data.Parquet;

/// <summary>
/// Finds row ids among the columns chosen by default: an integer column whose values strictly
/// increase down the first row group. Such a column numbers the rows; as a feature it would be the
/// largest direction of the covariance and carry no information about the data. An explicit column
/// selection is taken as written, so this only applies when no columns were named.
/// </summary>
internal static class RowIdColumns
{
    /// <summary>Fewest rows that can show a column to be an id (a random column of 8 rows increases with probability 1/8! ≈ 2.5·10⁻⁵).</summary>
    public const int MinimumRows = 8;

    public static IReadOnlyList<ScalarFeature> Find(IParquetReader file, IReadOnlyList<ScalarFeature> scalars)
    {
        var ids = new List<ScalarFeature>();
        if (file.RowGroupCount == 0) return ids;
        var candidates = scalars.Where(s => s.Column is { } c && IsInteger(c)).ToList();
        if (candidates.Count == 0) return ids;
        // The first row group is read here, before the source's own reads: the same checks come first.
        var rows = RowGroupRows.Checked(file, 0, candidates.Select(s => s.Column));
        MemoryBudget.Current.Check(16.0 * rows, $"row group 0 ({rows} rows of one column, read to look for row ids)", file.Path);
        foreach (var s in candidates)
            if (StrictlyIncreasing(file.ReadColumn(0, s.Column!)))
                ids.Add(s);
        return ids;
    }

    private static bool IsInteger(ParquetColumn c) =>
        c.PhysicalType is PhysicalType.Int32 or PhysicalType.Int64 && !c.IsDecimal;

    private static bool StrictlyIncreasing(ParquetColumnData data)
    {
        if (data.Rows < MinimumRows || data.NullCount > 0) return false;
        for (var i = 1; i < data.Rows; i++)
            if (!(data.ValueAt(i) > data.ValueAt(i - 1))) return false;
        return true;
    }
}
