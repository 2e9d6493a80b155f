namespace Spectra.Pipeline;

/// <summary>
/// The features that hold exactly one value in every row read. Their centred co-moments are exactly
/// zero, but what an accumulator holds for them is the round-off of their mean (≈ 1e-34 for a pixel
/// of identical images), which a Gram matrix, a zero-mode threshold or a standardisation would
/// otherwise read as a level. A running minimum and maximum per feature tell them exactly.
/// </summary>
internal sealed class ConstantFeatures
{
    private readonly int _d;
    // Made at the first row, so that a run refused by its memory budget before reading allocates nothing here.
    private double[] _min = [];
    private double[] _max = [];
    private bool _started;

    public ConstantFeatures(int d) => _d = d;

    /// <summary>Folds in rows of finite values (row-major, rows × d), before they are centred.</summary>
    public void Add(ReadOnlySpan<double> block, int rows)
    {
        var r = 0;
        if (!_started && rows > 0)
        {
            _min = block[.._d].ToArray();
            _max = block[.._d].ToArray();
            _started = true;
            r = 1;
        }
        for (; r < rows; r++)
        {
            var row = block.Slice(r * _d, _d);
            TensorPrimitives.Min(row, _min, _min);
            TensorPrimitives.Max(row, _max, _max);
        }
    }

    /// <summary>Each feature's smallest and largest value so far (empty before the first row).</summary>
    public (double[] Min, double[] Max) Range => (_min, _max);

    /// <summary>Folds in the range of other rows (a later shard's).</summary>
    public void Merge(double[] min, double[] max)
    {
        if (min.Length == 0) return;
        if (!_started)
        {
            _min = (double[])min.Clone();
            _max = (double[])max.Clone();
            _started = true;
            return;
        }
        TensorPrimitives.Min(min, _min, _min);
        TensorPrimitives.Max(max, _max, _max);
    }

    /// <summary>
    /// Indices of the features that hold one value in every row of a block held in memory: found from the rows
    /// themselves, a tile of features at a time, so that rows held for a Gram matrix (d up to 10⁸) need no d-long
    /// minimum and maximum beside them.
    /// </summary>
    public static int[] InRows(ReadOnlySpan<double> rows, long count, int d)
    {
        const int Tile = 4096;
        var constant = new List<int>();
        Span<bool> varies = stackalloc bool[Tile];
        for (var j0 = 0; j0 < d; j0 += Tile)
        {
            var width = Math.Min(Tile, d - j0);
            varies[..width].Clear();
            var first = rows.Slice(j0, width);
            for (long r = 1; r < count; r++)
            {
                var row = rows.Slice((int)(r * d + j0), width);
                for (var j = 0; j < width; j++) varies[j] |= row[j] != first[j];
            }
            for (var j = 0; j < width; j++)
                if (!varies[j]) constant.Add(j0 + j);
        }
        return constant.ToArray();
    }

    /// <summary>Indices of the features whose every value was the same.</summary>
    public int[] Indices() => _started ? Enumerable.Range(0, _d).Where(j => _min[j] == _max[j]).ToArray() : Array.Empty<int>();
}
