namespace Spectra.Studies;

/// <summary>
/// A dataset decoded once and held in memory (row-major M × d), for the studies that read the rows
/// many times: subsets for the sample-size scan, shuffles for the surrogates. Loading is bounded by
/// a byte limit checked before each allocation, so a large folder stops with a clear error instead
/// of exhausting memory.
/// </summary>
internal sealed class DataMatrix
{
    /// <summary>Default memory budget for decoded rows: 2 GiB.</summary>
    public const long DefaultMaxBytes = 2L << 30;

    private DataMatrix(double[] values, int rows, int features, string[] rowIds, string?[] labels,
        IReadOnlyList<string>? featureNames, SourceInfo info)
    {
        Values = values;
        Rows = rows;
        Features = features;
        RowIds = rowIds;
        Labels = labels;
        FeatureNames = featureNames;
        Info = info;
    }

    /// <summary>Row-major values, exactly Rows × Features.</summary>
    public double[] Values { get; }
    public int Rows { get; }
    public int Features { get; }

    /// <summary>A name for every row (the file name, or "row i").</summary>
    public IReadOnlyList<string> RowIds { get; }

    /// <summary>The class label of every row (null where the source has none).</summary>
    public IReadOnlyList<string?> Labels { get; }

    public IReadOnlyList<string>? FeatureNames { get; }
    public SourceInfo Info { get; }

    public bool HasLabels => Labels.Any(l => l is not null);

    public ReadOnlySpan<double> Row(int i) => Values.AsSpan(i * Features, Features);

    public string FeatureName(int j) => FeatureNames is not null && j < FeatureNames.Count ? FeatureNames[j] : $"feature {j}";

    /// <summary>Reads every row of a source into memory, refusing before any allocation past <paramref name="maxBytes"/>.</summary>
    public static DataMatrix Load(IDataSource source, long maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var d = source.Features;
        if (d <= 0)
            throw new SpectraException(SpectraErrorKind.InvalidInput, "the data has no features (d = 0)", source.Header.Path);
        var rowBytes = 8L * d;
        if (rowBytes > maxBytes)
            throw TooLarge(source, 1, d, maxBytes);
        var chunkRows = (int)Math.Clamp((32L << 20) / rowBytes, 1, 16_384);
        var blocks = new List<double[]>();
        var ids = new List<string>();
        var labels = new List<string?>();
        long rows = 0;
        var read = new ReadSummary();
        foreach (var chunk in source.ReadChunks(chunkRows, read, null, cancellationToken))
        {
            if (chunk.Columns != d)
                throw new SpectraException(SpectraErrorKind.InvalidInput,
                    $"a chunk has {chunk.Columns} values per row where {d} were expected (ragged rows)", source.Header.Path);
            if ((rows + chunk.Rows) * rowBytes > maxBytes || rows + chunk.Rows > int.MaxValue / Math.Max(1, d))
                throw TooLarge(source, rows + chunk.Rows, d, maxBytes);
            for (var r = 0; r < chunk.Rows; r++)
            {
                var row = chunk.Row(r);
                for (var j = 0; j < d; j++)
                    if (!double.IsFinite(row[j]))
                        throw new SpectraException(SpectraErrorKind.InvalidInput,
                            $"{(double.IsNaN(row[j]) ? "NaN" : "an infinite value")} in {chunk.RowName(r, rows + r)}, feature {j}",
                            source.Header.Path, $"sample {rows + r}", "clean the data before running a study");
                ids.Add(chunk.RowName(r, rows + r));
                labels.Add(chunk.Labels?[r]);
            }
            blocks.Add(chunk.Values.AsSpan(0, chunk.Rows * d).ToArray());
            rows += chunk.Rows;
        }
        var values = new double[rows * d];
        var offset = 0;
        foreach (var b in blocks)
        {
            b.CopyTo(values, offset);
            offset += b.Length;
        }
        return new DataMatrix(values, (int)rows, d, ids.ToArray(), labels.ToArray(), source.FeatureNames, SourceInfo.Of(source.Header, read));
    }

    /// <summary>Rows already in memory (tests, notebooks).</summary>
    public static DataMatrix FromRows(double[] rowMajor, int rows, int features, string?[]? labels = null,
        IReadOnlyList<string>? featureNames = null, string name = "memory")
    {
        ArgumentNullException.ThrowIfNull(rowMajor);
        if (rows < 0 || features <= 0 || (long)rows * features != rowMajor.Length)
            throw new SpectraException(SpectraErrorKind.InvalidInput, $"{rowMajor.Length} values do not form {rows} rows of {features} features", name);
        if (labels is not null && labels.Length != rows)
            throw new SpectraException(SpectraErrorKind.InvalidInput, $"{labels.Length} labels for {rows} rows", name);
        var ids = Enumerable.Range(0, rows).Select(i => $"row {i}").ToArray();
        return new DataMatrix(rowMajor, rows, features, ids, labels ?? new string?[rows], featureNames, new SourceInfo(name, "memory"));
    }

    /// <summary>The rows with the given indices, in that order, as a source for the pipeline (gathered chunk by chunk, not copied whole).</summary>
    public IDataSource Subset(IReadOnlyList<int> rows, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var r in rows)
            if (r < 0 || r >= Rows) throw new ArgumentOutOfRangeException(nameof(rows), $"row {r} is outside 0…{Rows - 1}");
        return new RowSubsetSource(this, rows, name ?? Info.Path);
    }

    /// <summary>All rows as a source (shares nothing mutable: the pipeline copies chunks).</summary>
    public InMemorySource ToSource(string? name = null) =>
        new(Values, Rows, Features, FeatureNames, Labels.ToArray(), RowIds.ToArray(), name ?? Info.Path);

    /// <summary>Other values of the same shape, names and labels (a surrogate).</summary>
    public InMemorySource WithValues(double[] values, string name) =>
        new(values, Rows, Features, FeatureNames, Labels.ToArray(), RowIds.ToArray(), name);

    private static SpectraException TooLarge(IDataSource source, long rows, int d, long maxBytes) =>
        new(SpectraErrorKind.LimitExceeded,
            $"holding {rows} samples of {d} features in memory needs {rows * 8.0 * d / (1 << 20):F0} MiB, above the study limit of {maxBytes / (1 << 20)} MiB",
            source.Header.Path, hint: "limit the samples (max samples), reduce the features (resize, gray), or raise the memory limit");
}
