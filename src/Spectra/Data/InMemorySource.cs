namespace Spectra.Data;

/// <summary>Rows already in memory (a row-major M × d array), e.g. from a notebook or a generator.</summary>
internal sealed class InMemorySource : IDataSource
{
    private readonly double[] _values;
    private readonly int _rows;
    private readonly string?[]? _labels;
    private readonly string[]? _rowIds;
    private double[]? _spare;

    public InMemorySource(double[] rowMajor, int rows, int features, IReadOnlyList<string>? featureNames = null,
        string?[]? labels = null, string[]? rowIds = null, string name = "memory")
    {
        ArgumentNullException.ThrowIfNull(rowMajor);
        if (rows < 0 || features < 0 || (long)rows * features != rowMajor.Length)
            throw new SpectraException(SpectraErrorKind.InvalidInput,
                $"{rowMajor.Length} values do not form {rows} rows of {features} features", name);
        if (featureNames is not null && featureNames.Count != features)
            throw new SpectraException(SpectraErrorKind.InvalidInput, $"{featureNames.Count} feature names for {features} features", name);
        if (labels is not null && labels.Length != rows)
            throw new SpectraException(SpectraErrorKind.InvalidInput, $"{labels.Length} labels for {rows} rows", name);
        _values = rowMajor;
        _rows = rows;
        Features = features;
        FeatureNames = featureNames;
        _labels = labels;
        _rowIds = rowIds;
        Header = new SourceHeader(name, "memory");
    }

    /// <summary>From a rectangular array [samples, features].</summary>
    public static InMemorySource FromArray(double[,] x, string name = "memory")
    {
        var rows = x.GetLength(0);
        var cols = x.GetLength(1);
        var values = new double[rows * cols];
        Buffer.BlockCopy(x, 0, values, 0, values.Length * sizeof(double));
        return new InMemorySource(values, rows, cols, name: name);
    }

    /// <summary>From jagged rows; every row must have the same length.</summary>
    public static InMemorySource FromRows(IReadOnlyList<double[]> rows, string name = "memory")
    {
        if (rows.Count == 0) return new InMemorySource(Array.Empty<double>(), 0, 0, name: name);
        var d = rows[0].Length;
        var values = new double[rows.Count * d];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d)
                throw new SpectraException(SpectraErrorKind.InvalidInput,
                    $"row {i} has {rows[i].Length} values where row 0 has {d} (ragged rows)", name,
                    hint: "every sample must have the same number of features");
            rows[i].CopyTo(values, i * d);
        }
        return new InMemorySource(values, rows.Count, d, name: name);
    }

    public int Features { get; }
    public SourceHeader Header { get; }
    public IReadOnlyList<string>? FeatureNames { get; }

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        maxRowsPerChunk = Math.Max(1, maxRowsPerChunk);
        // The caller's array is never handed out (consumers may overwrite chunks): rows are copied into
        // one buffer, kept between reads because first-touch page faults cost more than the copy itself.
        var need = Math.Min(maxRowsPerChunk, _rows) * Features;
        var buffer = Interlocked.Exchange(ref _spare, null);
        if (buffer is null || buffer.Length < need) buffer = new double[need];
        try
        {
            for (var start = 0; start < _rows; start += maxRowsPerChunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = Math.Min(maxRowsPerChunk, _rows - start);
                _values.AsSpan(start * Features, n * Features).CopyTo(buffer);
                yield return new RowChunk(buffer, n, Features, _rowIds?[start..(start + n)], _labels?[start..(start + n)]);
                progress?.Report(new SpectraProgress("read", start + n, _rows));
            }
        }
        finally
        {
            _spare = buffer;
        }
    }
}
