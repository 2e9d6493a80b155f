namespace Spectra.Matrices;

/// <summary>
/// The moments of rows whose every value is an integer k from 0 to 255 times a fixed quantum q (8-bit pixels,
/// raw or scaled to [0, 1]), kept as exact integer sums of k: the count n, S = Σ k and P = Σ k kᵀ (64-bit, in the accumulator's own d × d buffer). They do not depend
/// on chunking, thread count or merge order, and the co-moment made from them, (n P − S Sᵀ) / n, is one
/// deterministic rounding of the exact value: the covariance of 8-bit data is the same bits however the work
/// was split. Rows wait in a byte buffer until a full depth block of the kernel is there.
/// </summary>
internal sealed class ExactByteMoments
{
    /// <summary>Rows gathered before the kernel runs: one depth block, so the 64-bit totals are updated once per block.</summary>
    private const int BufferRows = 1024;

    /// <summary>Whether accumulators take the exact path where they can (off only to measure the float path against it).</summary>
    internal static bool Enabled { get; set; } = true;

    private readonly int _d;
    private readonly int _threads;
    private readonly double[] _sums;
    private byte[] _buffer = [];
    private int _buffered;

    private ExactByteMoments(int d, int threads) => (_d, _threads, _sums) = (d, threads, new double[d]);

    /// <summary>Sums read from a file on a processor without the kernel: only made into a co-moment, never added to.</summary>
    public static ExactByteMoments Detached(int d) => new(d, 1);

    /// <summary>The exact path for an accumulator of <paramref name="d"/> features, where this processor has it.</summary>
    public static ExactByteMoments? For(int d, int threads) =>
        Enabled && ByteRankKUpdate.IsSupported ? new ExactByteMoments(d, threads) : null;

    public long Count { get; private set; }

    /// <summary>The step of the values (1/255 or 1), 0 before the first row.</summary>
    public double Quantum => _quantum;

    /// <summary>Σ k of each feature (integers, exact in double).</summary>
    public ReadOnlySpan<double> Sums => _sums;

    /// <summary>Sets the count, quantum and sums of rows summed elsewhere (a file; the products go into the accumulator's buffer).</summary>
    public void Restore(long count, double quantum, ReadOnlySpan<double> sums)
    {
        Count = count;
        _quantum = quantum;
        sums.CopyTo(_sums);
    }

    /// <summary>Whether <paramref name="quantum"/> is one this path sums in (a file's value is checked against it).</summary>
    public static bool IsQuantum(double quantum) => Array.IndexOf(Quanta, quantum) >= 0;

    /// <summary>
    /// The steps 8-bit values come in: 1/255 (pixels scaled to [0, 1] by the image reader, each value the double
    /// k · (1 / 255) for an integer k) and 1 (raw bytes). The first chunk chooses; every later one must match.
    /// Pixels come first: a chunk of only 0 and 1 (black and white images) fits both, and images are the usual 8-bit data.
    /// </summary>
    private static readonly double[] Quanta = [1.0 / 255, 1.0];

    private double _quantum;
    private double[] _chunkSums = [];

    /// <summary>Takes the rows when every value is k · q for an integer k from 0 to 255 (q the run's quantum), and returns false (taking nothing) otherwise.</summary>
    public bool TryAdd(ReadOnlySpan<double> block, int rows, Span<double> products)
    {
        var values = block[..(rows * _d)];
        if (_chunkSums.Length == 0) _chunkSums = new double[_d];
        var bytes = ArrayPool<byte>.Shared.Rent(values.Length);
        try
        {
            if (!Convert(values, bytes)) return false;
            TensorPrimitives.Add(_chunkSums, _sums, _sums);
            if (_buffer.Length == 0) _buffer = new byte[(long)BufferRows * _d];
            for (int r = 0; r < rows;)
            {
                int take = Math.Min(rows - r, BufferRows - _buffered);
                bytes.AsSpan(r * _d, take * _d).CopyTo(_buffer.AsSpan(_buffered * _d));
                _buffered += take;
                Count += take;
                r += take;
                if (_buffered == BufferRows) Flush(products);
            }
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // Into bytes and this chunk's sums, on the run's quantum (chosen here by the first chunk).
    private bool Convert(ReadOnlySpan<double> values, byte[] bytes)
    {
        foreach (var q in _quantum == 0 ? Quanta : [_quantum])
        {
            Array.Clear(_chunkSums);
            if (!ByteGrid.TryConvert(values, _d, q, bytes, _chunkSums)) continue;
            _quantum = q;
            return true;
        }
        return false;
    }

    /// <summary>Runs the kernel over the buffered rows.</summary>
    public void Flush(Span<double> products)
    {
        if (_buffered == 0) return;
        ByteRankKUpdate.Run(_buffer.AsSpan(0, _buffered * _d), _buffered, _d, MemoryMarshal.Cast<double, long>(products), _threads);
        _buffered = 0;
    }

    /// <summary>Whether the two count in the same quantum (or one has no rows yet), so their sums add.</summary>
    public bool CanMerge(ExactByteMoments other) => _quantum == 0 || other._quantum == 0 || _quantum == other._quantum;

    /// <summary>Adds another exact accumulator's sums (its buffered rows folded first); <see cref="CanMerge"/> holds.</summary>
    public void Merge(ExactByteMoments other, Span<double> products, Span<double> otherProducts)
    {
        if (_quantum == 0) _quantum = other._quantum;
        Flush(products);
        other.Flush(otherProducts);
        var p = MemoryMarshal.Cast<double, long>(products);
        var q = MemoryMarshal.Cast<double, long>(otherProducts);
        for (int col = 0; col < _d; col++)
        {
            var lower = p.Slice(col * _d + col, _d - col);
            var add = q.Slice(col * _d + col, _d - col);
            for (int i = 0; i < lower.Length; i++) lower[i] += add[i];
        }
        for (int j = 0; j < _d; j++) _sums[j] += other._sums[j];
        Count += other.Count;
    }

    /// <summary>
    /// Turns the integer sums into the mean and the co-moment q² (n P − S Sᵀ) / n, written over P in place (lower
    /// triangle). The numerator is exact (in 64 bits while n² · 255² fits, in 128 beyond); it is rounded once to
    /// double, divided by n and scaled by the quantum's square.
    /// </summary>
    public void Materialize(Span<double> products, Span<double> mean)
    {
        Flush(products);
        long n = Count;
        var p = MemoryMarshal.Cast<double, long>(products);
        double q = _quantum, q2 = q * q;
        for (int j = 0; j < _d; j++) mean[j] = n == 0 ? 0 : _sums[j] / n * q;
        if (n == 0) return;
        // n P and S Sᵀ are at most (255 n)², below 2⁶³ up to 1.19e7 rows.
        bool fits = n <= 11_900_000;
        var sums = _sums.Select(x => (long)x).ToArray();
        for (int col = 0; col < _d; col++)
        {
            long sj = sums[col];
            for (int row = col; row < _d; row++)
            {
                int at = col * _d + row;
                long value = p[at];
                products[at] = (fits
                    ? (double)(n * value - sums[row] * sj) / n
                    : (double)((Int128)n * value - (Int128)sums[row] * sj) / n) * q2;
            }
        }
    }
}
