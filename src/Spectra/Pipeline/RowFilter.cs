namespace Spectra.Pipeline;

/// <summary>
/// The first stop of every chunk: refuses or drops rows holding NaN or ±∞ (the non-finite policy), counts
/// rows that repeat an earlier one, and compacts the kept rows at the front of the chunk's own buffer.
/// </summary>
internal sealed class RowFilter
{
    private readonly int _d;
    private readonly NonFinitePolicy _policy;
    private readonly IReadOnlyList<string>? _names;
    private readonly string _path;
    private readonly DuplicateDetector? _duplicates;
    private double[] _sums = Array.Empty<double>();

    public RowFilter(int d, NonFinitePolicy policy, bool detectDuplicates, IReadOnlyList<string>? names, string path)
    {
        _d = d;
        _policy = policy;
        _names = names;
        _path = path;
        _duplicates = detectDuplicates ? new DuplicateDetector() : null;
    }

    public long RowsSeen { get; private set; }
    public long RowsDropped { get; private set; }

    /// <summary>The duplicate search over the kept rows; null when duplicates are not looked for.</summary>
    public DuplicateDetector? Detector => _duplicates;

    /// <summary>
    /// Keeps the chunk's usable rows, in order, at the front of its buffer (the consumer owns it, IDataSource
    /// contract: no copy is made). The column sums come back when every row was kept, for centring to reuse.
    /// </summary>
    public KeptRows Filter(RowChunk chunk)
    {
        var rows = chunk.Rows;
        var values = chunk.Values;
        var labels = new string?[rows];
        var ids = new long[rows];
        // One pass gives the column sums and, when they are finite, clears every row of NaN and ±∞;
        // only a block with a non-finite sum is searched row by row.
        if (_sums.Length < _d) _sums = new double[_d];
        RowBlock.SumRows(values, rows, _d, _sums);
        var allFinite = RowBlock.AllFinite(_sums.AsSpan(0, _d));
        var kept = 0;
        for (var r = 0; r < rows; r++)
        {
            var global = RowsSeen + r;
            var row = chunk.Row(r);
            var bad = allFinite ? -1 : FirstNonFinite(row);
            if (bad >= 0)
            {
                if (_policy == NonFinitePolicy.DropRow) { RowsDropped++; continue; }
                var column = _names is not null && bad < _names.Count ? $"column '{_names[bad]}' (feature {bad})" : $"feature {bad}";
                throw new SpectraException(SpectraErrorKind.InvalidInput,
                    $"{(double.IsNaN(row[bad]) ? "NaN" : "an infinite value")} in {chunk.RowName(r, global)}, {column}",
                    _path, $"sample {global}",
                    "clean the data, or drop such rows with the non-finite policy 'drop-row' (--drop-non-finite)");
            }
            _duplicates?.Add(row, chunk.RowReference(r, global));
            if (kept != r) row.CopyTo(values.AsSpan(kept * _d, _d));
            labels[kept] = chunk.Labels?[r];
            ids[kept] = chunk.Identities?[r] ?? global;
            kept++;
        }
        RowsSeen += rows;
        return new KeptRows(values, kept, labels, ids, kept == rows ? _sums : null);
    }

    internal static int FirstNonFinite(ReadOnlySpan<double> row)
    {
        // NaN and ±∞ propagate through a sum, so a finite sum clears the row in one vectorised pass;
        // only a suspicious row (or one whose sum overflowed) is scanned value by value.
        if (double.IsFinite(TensorPrimitives.Sum(row))) return -1;
        for (var j = 0; j < row.Length; j++)
            if (!double.IsFinite(row[j])) return j;
        return -1;
    }
}

/// <summary>
/// The rows a chunk kept, at the front of <paramref name="Values"/>, with their labels and stable identities
/// (<see cref="RowChunk.Identities"/>, or the row's position in the read); <paramref name="Sums"/> are their column sums when known.
/// </summary>
internal readonly record struct KeptRows(double[] Values, int Count, string?[] Labels, long[] Ids, double[]? Sums);
