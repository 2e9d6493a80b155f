namespace Spectra.Matrices;

/// <summary>
/// Streaming first and second moments of d features: the count n, the mean μ and the co-moment
/// M2 = Σ (x − μ)(x − μ)ᵀ. Each chunk is centred on its own mean and folded in with the
/// Chan–Golub–LeVeque merge, so the result does not suffer the cancellation of Σ x xᵀ − n μ μᵀ
/// and two accumulators over disjoint rows merge exactly into the accumulator over all rows.
/// Memory: d² doubles for M2 plus one chunk, whatever the number of rows. While every row is 8-bit
/// (integers from 0 to 255) the sums are exact integers instead (<see cref="ExactByteMoments"/>, where the
/// processor has one of its kernels: VNNI or AVX-512BW), made into the mean and co-moment when they are first read.
/// </summary>
internal sealed class MomentAccumulator
{
    private readonly ILinearAlgebraBackend _backend;
    private readonly double[] _chunkMean;
    private readonly double[] _delta;
    private readonly double[] _mean;
    private readonly double[] _coMoment;
    // Null once a row was not 8-bit (or the co-moment was read): the float path from then on.
    private ExactByteMoments? _exact;

    public MomentAccumulator(int features, ILinearAlgebraBackend? backend = null)
    {
        if (features <= 0)
            throw new SpectraException(SpectraErrorKind.InvalidInput, "the data has no features (d = 0)",
                hint: "select at least one numeric column or pixel");
        Features = features;
        _backend = backend ?? LinearAlgebraBackends.Get();
        _mean = new double[features];
        // d² doubles (8 MB at d = 1024): mapped in one call, then zeroed, rather than faulted in page by page.
        _coMoment = Data.PrefaultedArray.Create<double>(checked(features * features));
        Array.Clear(_coMoment);
        _exact = ExactByteMoments.For(features, _backend.Info.Threads);
        _chunkMean = new double[features];
        _delta = new double[features];
    }

    internal MomentAccumulator(int features, long count, double[] mean, double[] coMoment, ILinearAlgebraBackend? backend)
        : this(features, backend)
    {
        _exact = null;
        Count = count;
        Array.Copy(mean, Mean, features);
        Array.Copy(coMoment, CoMoment, CoMoment.Length);
    }

    public int Features { get; }

    /// <summary>Number of rows folded in.</summary>
    public long Count { get; private set; }

    /// <summary>The running mean of each feature.</summary>
    public double[] Mean
    {
        get { LeaveExact(); return _mean; }
    }

    /// <summary>Co-moment Σ (x − μ)(x − μ)ᵀ, column-major d × d; only the lower triangle is maintained.</summary>
    public double[] CoMoment
    {
        get { LeaveExact(); return _coMoment; }
    }

    /// <summary>Whether every row so far came through the exact 8-bit path (so far as it is made exact: whatever the split).</summary>
    public bool IsExact { get; private set; }

    // The integer sums become the mean and co-moment; later rows take the float path.
    private void LeaveExact()
    {
        if (_exact is null) return;
        _exact.Materialize(_coMoment, _mean);
        _exact = null;
    }

    public ILinearAlgebraBackend Backend => _backend;

    /// <summary>Folds in <paramref name="rows"/> rows of a row-major block (rows × Features); the block is not modified.</summary>
    public void Add(ReadOnlySpan<double> block, int rows)
    {
        if (rows == 0) return;
        CheckBlock(block.Length, rows);
        var need = (int)((long)rows * Features);
        var scratch = Workspace.Rent(need);
        block[..need].CopyTo(scratch);
        AddInPlace(scratch.AsSpan(0, need), rows);
        Workspace.Return(scratch);
    }

    /// <summary>
    /// Folds in a block that the caller no longer needs: it is centred in place, which saves a copy
    /// of the chunk (the streaming memory bound is d² plus one chunk).
    /// </summary>
    public void AddInPlace(Span<double> block, int rows) => AddInPlace(block, rows, default);

    /// <summary>As <see cref="AddInPlace(Span{double}, int)"/>, with the block's column sums when the caller already has them (<see cref="RowBlock.SumRows"/>).</summary>
    internal void AddInPlace(Span<double> block, int rows, ReadOnlySpan<double> columnSums)
    {
        if (_consumed) throw new InvalidOperationException("the accumulator was already turned into a matrix");
        if (rows == 0) return;
        CheckBlock(block.Length, rows);
        if (_exact is not null)
        {
            if (_exact.TryAdd(block, rows, _coMoment))
            {
                Count = _exact.Count;
                IsExact = true;
                return;
            }
            LeaveExact();
        }
        IsExact = false;
        var d = Features;
        if (columnSums.Length == d) columnSums.CopyTo(_chunkMean);
        else RowBlock.SumRows(block, rows, d, _chunkMean);
        TensorPrimitives.Divide(_chunkMean, rows, _chunkMean);
        RowBlock.SubtractFromRows(block, rows, d, _chunkMean);
        _backend.SymmetricRankKUpdate(block[..(rows * d)], rows, d, 1.0, 1.0, _coMoment);
        MergeMoments(rows, _chunkMean);
    }

    private void CheckBlock(int length, int rows)
    {
        if (rows < 0 || length < (long)rows * Features)
            throw new ArgumentException($"block holds {length} values, {rows} rows of {Features} need {(long)rows * Features}");
    }

    /// <summary>Folds in float rows (converted to double before any arithmetic).</summary>
    public void Add(ReadOnlySpan<float> block, int rows)
    {
        var need = (int)((long)rows * Features);
        if (block.Length < need) throw new ArgumentException($"block holds {block.Length} values, {rows} rows of {Features} need {need}");
        var scratch = Workspace.Rent(need);
        TensorPrimitives.ConvertChecked<float, double>(block[..need], scratch.AsSpan(0, need));
        AddInPlace(scratch.AsSpan(0, need), rows);
        Workspace.Return(scratch);
    }

    /// <summary>Folds another accumulator's rows into this one (exact: same result as one pass over both).</summary>
    public void Merge(MomentAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Features != Features)
            throw new SpectraException(SpectraErrorKind.InvalidInput,
                $"cannot merge accumulators of {other.Features} and {Features} features");
        if (other.Count == 0) return;
        if (_exact is not null && other._exact is not null && _exact.CanMerge(other._exact))
        {
            _exact.Merge(other._exact, _coMoment, other._coMoment);
            Count = _exact.Count;
            IsExact = true;
            return;
        }
        LeaveExact();
        IsExact = false;
        var d = Features;
        var theirs = other.CoMoment;
        for (var col = 0; col < d; col++)
        {
            var lower = _coMoment.AsSpan(col * d + col, d - col);
            TensorPrimitives.Add(lower, theirs.AsSpan(col * d + col, d - col), lower);
        }
        MergeMoments(other.Count, other.Mean);
    }

    /// <summary>
    /// Chan–Golub–LeVeque: with δ = μ_B − μ_A, M2 += δ δᵀ · n_A n_B / (n_A + n_B) (M2_B was added by the caller)
    /// and μ += δ n_B / (n_A + n_B).
    /// </summary>
    private void MergeMoments(long countB, double[] meanB)
    {
        var d = Features;
        var nA = (double)Count;
        var nB = (double)countB;
        var n = nA + nB;
        if (Count > 0)
        {
            var delta = _delta;
            for (var j = 0; j < d; j++) delta[j] = meanB[j] - Mean[j];
            var w = nA * nB / n;
            // Once per chunk over the whole lower triangle: at large d this pass is memory-bound, so it runs
            // vectorised. MultiplyAdd is not fused, so each entry is rounded exactly as the scalar a += b·c was.
            for (var col = 0; col < d; col++)
            {
                var dc = delta[col] * w;
                if (dc == 0) continue;
                var lower = CoMoment.AsSpan(col * d + col, d - col);
                TensorPrimitives.MultiplyAdd(delta.AsSpan(col, d - col), dc, lower, lower);
            }
            for (var j = 0; j < d; j++) Mean[j] += delta[j] * (nB / n);
        }
        else
        {
            Array.Copy(meanB, Mean, d);
        }
        Count += countB;
    }

    /// <summary>
    /// The exact sums (quantum, Σ k, and Σ k kᵀ in the co-moment's buffer, lower triangle) when every row came
    /// through the exact path and none has been read as a co-moment yet: what a file stores to merge exactly later.
    /// </summary>
    internal bool TryExact(out double quantum, out ReadOnlySpan<double> sums, out ReadOnlySpan<long> products)
    {
        quantum = 0;
        sums = default;
        products = default;
        if (_exact is null || !IsExact) return false;
        _exact.Flush(_coMoment);
        quantum = _exact.Quantum;
        sums = _exact.Sums;
        products = System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(_coMoment.AsSpan());
        return true;
    }

    /// <summary>
    /// Replaces whatever this accumulator held with exact sums read back from a file (<paramref name="fill"/> writes
    /// Σ k kᵀ into its products, lower triangle), so that one accumulator can carry each file's sums in turn into a merge.
    /// </summary>
    internal void LoadExact(long count, double quantum, ReadOnlySpan<double> sums, Action<Span<long>> fill)
    {
        if (_consumed) throw new InvalidOperationException("the accumulator was already turned into a matrix");
        _exact = ExactByteMoments.For(Features, _backend.Info.Threads);
        var products = System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(_coMoment.AsSpan());
        Count = count;
        if (_exact is null)
        {
            // This processor sums in floating point: the file's integers are made into a co-moment at once.
            var exact = ExactByteMoments.Detached(Features);
            exact.Restore(count, quantum, sums);
            fill(products);
            exact.Materialize(_coMoment, _mean);
            IsExact = true;
            return;
        }
        _exact.Restore(count, quantum, sums);
        fill(products);
        IsExact = count > 0;
    }

    /// <summary>Sets the count and mean of rows folded in elsewhere (an accumulator read back from a file, whose co-moment the reader fills).</summary>
    internal void Restore(long count, ReadOnlySpan<double> mean)
    {
        _exact = null;
        IsExact = false;
        Count = count;
        mean.CopyTo(Mean);
    }

    /// <summary>Hands the co-moment buffer over to its final user; the accumulator cannot be used afterwards.</summary>
    internal double[] Consume()
    {
        if (_consumed) throw new InvalidOperationException("the accumulator was already turned into a matrix");
        _consumed = true;
        return CoMoment;
    }

    private bool _consumed;

    /// <summary>A deep copy (for snapshots and subsampling schemes).</summary>
    public MomentAccumulator Clone() => new(Features, Count, Mean, CoMoment, _backend);
}
