namespace Spectra.Data.Parquet;

/// <summary>One scalar feature: a leaf column, or a Hive partition key (constant within a file).</summary>
internal sealed record ScalarFeature(string Name, ParquetColumn? Column, string? PartitionKey);

/// <summary>The label: a text or numeric column, or a partition key.</summary>
internal sealed record LabelSource(string Name, ParquetColumn? Column, string? PartitionKey);

/// <summary>What the source reads, resolved once against the first file's schema.</summary>
internal sealed record SourcePlan(
    IReadOnlyList<ScalarFeature> Scalars,
    ParquetColumn? List,
    LabelSource? Label,
    IReadOnlyList<SkippedItem> Skipped,
    int ColumnsInFile)
{
    public int ListWidth { get; init; }

    public int Features => Scalars.Count + ListWidth;

    public IReadOnlyList<string> FeatureNames =>
        Scalars.Select(s => s.Name).Concat(Enumerable.Range(0, ListWidth).Select(i => $"{List!.Name}[{i}]")).ToArray();
}

/// <summary>Resolves names and globs to columns, following the rules in docs/parquet.md.</summary>
internal static class ColumnSelection
{
    public static SourcePlan Resolve(ParquetSchema schema, IReadOnlyList<string> partitionKeys, ParquetSourceOptions options, string file)
    {
        var skipped = new List<SkippedItem>();
        LabelSource? label = null;
        if (options.LabelColumn is string labelName)
        {
            var lc = FindColumn(schema, labelName);
            if (lc is not null)
            {
                if (lc.Use is not (ColumnUse.Text or ColumnUse.Numeric))
                    throw SpectraException.Unsupported($"label column '{labelName}' is a {lc.TypeDescription} column; a label must be text or a number",
                        file, hint: "choose a string or numeric column as the label");
                label = new LabelSource(labelName, lc, null);
            }
            else if (partitionKeys.Contains(labelName)) label = new LabelSource(labelName, null, labelName);
            else throw NotFound(schema, partitionKeys, labelName, file, "label column");
        }

        ParquetColumn? list = null;
        if (options.ListColumn is string listName)
        {
            list = FindColumn(schema, listName) ?? throw NotFound(schema, partitionKeys, listName, file, "list column");
            if (list.Use != ColumnUse.NumericList)
                throw new SpectraException(SpectraErrorKind.InvalidOption,
                    list.Use == ColumnUse.Numeric ? $"'{listName}' is a scalar column, not a list" : $"'{listName}' cannot be expanded into features: {list.SkipReason ?? list.TypeDescription}",
                    file, hint: "name a LIST or fixed-size-list column of numbers");
        }
        else if (options.Columns is null && schema.Columns.Count(c => c.Use == ColumnUse.NumericList) == 1)
        {
            // An embedding table: its one numeric list column is the feature vector; ids and other
            // scalars beside it would only add unrelated directions to the covariance.
            list = schema.Columns.Single(c => c.Use == ColumnUse.NumericList);
        }

        var scalars = new List<ScalarFeature>();
        var seen = new HashSet<string>();
        void Add(ScalarFeature f)
        {
            if (seen.Add(f.Name) && f.Name != label?.Name) scalars.Add(f);
        }

        if (options.Columns is null)
        {
            if (list is null)
                foreach (var c in schema.Columns.Where(c => c.Use == ColumnUse.Numeric)) Add(new ScalarFeature(c.Path, c, null));
        }
        else
        {
            foreach (var pattern in options.Columns)
            {
                if (Glob.IsPattern(pattern))
                {
                    int before = scalars.Count;
                    var glob = Glob.Name(pattern);
                    foreach (var c in schema.Columns.Where(c => glob.IsMatch(c.Path) || glob.IsMatch(c.Name)))
                        if (c.Use == ColumnUse.Numeric) Add(new ScalarFeature(c.Path, c, null));
                    foreach (var k in partitionKeys.Where(glob.IsMatch)) Add(new ScalarFeature(k, null, k));
                    if (scalars.Count == before && !seen.Any(glob.IsMatch))
                        throw new SpectraException(SpectraErrorKind.InvalidOption, $"the pattern '{pattern}' matches no numeric column", file,
                            hint: "numeric columns: " + Available(schema));
                    continue;
                }
                var col = FindColumn(schema, pattern);
                if (col is null)
                {
                    if (partitionKeys.Contains(pattern)) { Add(new ScalarFeature(pattern, null, pattern)); continue; }
                    throw NotFound(schema, partitionKeys, pattern, file, "column");
                }
                if (col.Use == ColumnUse.NumericList)
                    throw new SpectraException(SpectraErrorKind.InvalidOption, $"'{pattern}' is a list column", file,
                        hint: "expand it with the list-column option instead");
                if (col.Use != ColumnUse.Numeric)
                    throw new SpectraException(SpectraErrorKind.InvalidOption, $"column '{pattern}' is not analysed: {col.SkipReason}", file,
                        hint: col.Use == ColumnUse.Text ? "a string column can serve as the label column" : "select numeric columns");
                Add(new ScalarFeature(col.Path, col, null));
            }
        }

        var used = new HashSet<string>(scalars.Where(s => s.Column is not null).Select(s => s.Column!.Path));
        if (list is not null) used.Add(list.Path);
        if (label?.Column is not null) used.Add(label.Column.Path);
        foreach (var c in schema.Columns.Where(c => !used.Contains(c.Path)))
        {
            string reason = c.Use switch
            {
                ColumnUse.Skipped => c.SkipReason ?? "not analysed",
                ColumnUse.Text => "string column (not a feature)",
                ColumnUse.NumericList => "list column (expand it with the list-column option)",
                _ => "not selected",
            };
            skipped.Add(new SkippedItem(c.Path, reason));
        }
        if (scalars.Count == 0 && list is null)
            throw new SpectraException(SpectraErrorKind.NotEnoughData, "no numeric column to analyse", file,
                hint: "the file's columns: " + string.Join(", ", schema.Columns.Select(c => $"{c.Path} ({c.TypeDescription})").Take(30)));
        return new SourcePlan(scalars, list, label, skipped, schema.Columns.Count);
    }

    public static ParquetColumn? FindColumn(ParquetSchema schema, string name) =>
        schema.Columns.FirstOrDefault(c => c.Path == name) ?? schema.Columns.FirstOrDefault(c => c.Name == name);

    private static string Available(ParquetSchema schema)
    {
        var names = schema.Columns.Where(c => c.IsAnalysable).Select(c => c.Use == ColumnUse.NumericList ? c.Name + " (list)" : c.Path).ToList();
        return names.Count == 0 ? "(none)" : string.Join(", ", names.Take(40)) + (names.Count > 40 ? ", …" : "");
    }

    private static SpectraException NotFound(ParquetSchema schema, IReadOnlyList<string> keys, string name, string file, string what) =>
        new(SpectraErrorKind.InvalidOption, $"no {what} named '{name}'", file,
            hint: "analysable columns: " + Available(schema) + (keys.Count > 0 ? "; partition keys: " + string.Join(", ", keys) : ""));
}
