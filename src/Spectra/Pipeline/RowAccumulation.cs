namespace Spectra.Pipeline;

/// <summary>
/// Where kept rows go, within the run's <see cref="MemoryBudget"/>: held as they are while there are no more
/// of them than features (the Gram matrix is the smaller one, and the rows never cost more than the covariance
/// would), folded into covariance accumulators from then on: one per realisation block
/// (<see cref="RealisationBlocks"/>; fewer, with a note, when they do not all fit) and one per class. The main
/// accumulator and the realisations' are merges of the blocks, made once the rows are in.
/// </summary>
internal sealed class RowAccumulation : IDisposable
{
    private readonly int _d;
    private readonly SpectrumOptions _o;
    private readonly ILinearAlgebraBackend _backend;
    private readonly RowSubsets _subsets;
    private readonly string _path;
    private readonly List<string> _notes;
    private readonly ConstantFeatures _constant;
    private readonly bool _covariance;
    private readonly long _holdLimit;
    private readonly List<MemoryBudget.Reservation> _reserved = new();
    private HeldRowBlock? _held;
    private readonly List<long[]> _heldIds = new();
    private readonly List<string?> _heldLabels = new();
    private MomentAccumulator? _main;
    private MomentAccumulator[] _blocks = Array.Empty<MomentAccumulator>();
    private RealisationBlocks _layout;
    private readonly SortedDictionary<string, MomentAccumulator> _classes = new(StringComparer.Ordinal);
    private double[] _select = Array.Empty<double>();
    private long _accumulatorsReserved;

    /// <param name="notes">Where a note on realisations left out goes.</param>
    /// <param name="constant">Told every accumulated row; held rows are searched for constant features when they are joined.</param>
    /// <param name="accumulateOnly">Fold every row into accumulators from the first (a shard: its rows cannot be held for a later merge).</param>
    public RowAccumulation(int d, SpectrumOptions o, ILinearAlgebraBackend backend, RowSubsets subsets, string path, List<string> notes,
        ConstantFeatures constant, bool accumulateOnly = false)
    {
        _constant = constant;
        _d = d;
        _o = o;
        _backend = backend;
        _subsets = subsets;
        _path = path;
        _notes = notes;
        _layout = subsets.Blocks;
        _covariance = d <= o.MaxCovarianceFeatures;
        // Without a covariance the held rows are all there is.
        _holdLimit = accumulateOnly ? 0 : _covariance ? Math.Min(d, o.MaxGramSamples) : o.MaxGramSamples;
        _held = new HeldRowBlock(d, _holdLimit, path);
        if (accumulateOnly && !_covariance)
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                $"a shard accumulates the {d} × {d} covariance, above its limit of {o.MaxCovarianceFeatures} features", path,
                hint: "reduce the features (resize images, select columns)");
    }

    /// <summary>Accumulators read back from a file (a merged shard set): the rows are gone, every block and class has its accumulator.</summary>
    public static RowAccumulation Restored(int d, SpectrumOptions o, ILinearAlgebraBackend backend, RowSubsets subsets, string path, List<string> notes,
        ConstantFeatures constant, MomentAccumulator main, IReadOnlyList<MomentAccumulator> blocks, IReadOnlyDictionary<string, MomentAccumulator> classes)
    {
        var a = new RowAccumulation(d, o, backend, subsets, path, notes, constant, accumulateOnly: true);
        a.DropHeld();
        a._main = main;
        a._blocks = blocks.ToArray();
        a._layout = subsets.Blocks.WithCount(blocks.Count);
        foreach (var (label, acc) in classes) a._classes[label] = acc;
        a.RowsKept = main.Count;
        return a;
    }

    /// <summary>The blocks' accumulators (none while the rows are held).</summary>
    public IReadOnlyList<MomentAccumulator> BlockAccumulators => _blocks;

    /// <summary>The blocks the rows go to: those of <see cref="RowSubsets.Blocks"/>, or fewer when they did not all fit.</summary>
    public RealisationBlocks Layout => _layout;

    public long RowsKept { get; private set; }

    /// <summary>After <see cref="Finish"/>: every kept row in one block when the rows were held, else null.</summary>
    public double[]? HeldRows { get; private set; }

    /// <summary>The held rows' labels, in row order (empty once the rows went to accumulators).</summary>
    public IReadOnlyList<string?> HeldLabels => _heldLabels;

    /// <summary>The held rows' stable identities, in row order (empty once the rows went to accumulators).</summary>
    public IReadOnlyList<long> HeldIds => _heldIds.SelectMany(ids => ids).ToArray();

    /// <summary>The covariance accumulator over all kept rows (the merge of the blocks), when one was made.</summary>
    public MomentAccumulator? Main => _main ??= _blocks.Length switch
    {
        0 => null,
        1 => _blocks[0],
        _ => Merged(Enumerable.Range(0, _blocks.Length)),
    };

    /// <summary>
    /// A subset's accumulator, or null when it has none (left out for memory, or the rows were held). A
    /// realisation's is a new merge of its blocks on every call (it is consumed when solved).
    /// </summary>
    public MomentAccumulator? AccumulatorOf(RowSubset subset) =>
        subset.IsRealisation
            ? subset.Realisation < AccumulatedRealisations ? Merged(_layout.BlocksOf(subset.Realisation)) : null
            : _classes.GetValueOrDefault(subset.Label!);

    /// <summary>The rows of realisation <paramref name="k"/> (without merging its blocks).</summary>
    public long RealisationRows(int k) => _layout.BlocksOf(k).Sum(b => _blocks[b].Count);

    /// <summary>The realisations that have accumulators (fewer than asked for when the blocks did not fit, none while the rows are held).</summary>
    public int AccumulatedRealisations => _blocks.Length > 1 ? _layout.Realisations : 0;

    /// <summary>The classes that have an accumulator, in ordinal order.</summary>
    public IEnumerable<string> AccumulatedClasses => _classes.Keys;

    // The co-moment and its mean and work vectors: the one size every accumulator is planned and reserved with.
    private double AccumulatorBytes => 8.0 * _d * _d + 32.0 * _d;

    // What the accumulators may take together: the option when given, else what the run's budget has
    // left beside everything but these accumulators.
    private double AccumulatorBudget => _o.MaxAccumulatorBytes > 0
        ? Math.Min(_o.MaxAccumulatorBytes, MemoryBudget.Current.Limit)
        : MemoryBudget.Current.Available + _accumulatorsReserved;

    /// <summary>
    /// Fails before the first read when the rows a source will yield cannot fit, and allocates the block that
    /// holds them when they are few enough: while they are held for the Gram matrix the peak is that block and
    /// the source's chunk buffers (at most as large) beside the matrix. When more rows are announced than can be
    /// held, the covariance accumulators are made now and no row is held.
    /// </summary>
    public void CheckPlanned(long rows)
    {
        // At most one row can never make a spectrum: say so before decoding it (a single image may be large).
        if (rows < 2)
            throw new SpectraException(SpectraErrorKind.NotEnoughData, $"the input holds at most {rows} sample(s); a spectrum needs at least 2", _path,
                hint: "give more samples; for the spectrum of one image use 'spectra single-image'");
        if (rows <= _holdLimit)
        {
            MemoryBudget.Current.Check(HeldPeakBytes(rows), $"the Gram matrix of {rows} samples × {_d} features, with the samples held for it", _path);
            _held?.Plan(rows);
        }
        else if (_covariance && _held is not null)
        {
            MemoryBudget.Current.Check(AccumulatorBytes, $"the covariance accumulator ({_d} × {_d})", _path);
            // More rows are coming than features: holding the first d of them (8 d² bytes, grown by doubling) only
            // to fold them in later costs a second d² of memory and seconds of page faults at large d.
            StartAccumulators(mainOnly: false);
            DropHeld();
        }
    }

    /// <summary>
    /// The peak of a run whose rows are held: the held block, the source's chunk buffers beside it (at most as
    /// large), the Gram matrix, and, with realisations, the one block their rows are copied into in turn (about
    /// half the rows; the solver checks the exact size once the rows are in) beside the Gram matrices of those
    /// solved side by side.
    /// </summary>
    private double HeldPeakBytes(long rows)
    {
        var peak = 16.0 * rows * _d + 8.0 * rows * rows;
        var members = (rows + 1) / 2;
        if (_o.Realisations > 0 && members >= 2)
            peak += SpectrumSolver.SubsetBytes(members, _d, Math.Min(Math.Max(1, _backend.Info.Threads), _o.Realisations));
        return peak;
    }

    /// <summary>Takes a block of kept rows (the buffer is consumed: centred in place when accumulated).</summary>
    public void Add(Span<double> block, int kept, string?[] labels, long[] ids, ReadOnlySpan<double> sums)
    {
        if (kept == 0) return;
        if (_held is not null)
        {
            if (RowsKept + kept <= _holdLimit)
            {
                _held.Append(block, kept);
                _heldIds.Add(ids[..kept]);
                _heldLabels.AddRange(labels.Take(kept));
                RowsKept += kept;
                return;
            }
            if (!_covariance)
                throw new SpectraException(SpectraErrorKind.LimitExceeded,
                    $"{RowsKept + kept} samples of {_d} features: the covariance ({_d} × {_d}) is above its limit of {_o.MaxCovarianceFeatures} features and the Gram matrix above its limit of {_o.MaxGramSamples} samples",
                    hint: "limit the samples (max samples) or reduce the features (resize images, select columns)");
            // More rows than features: the covariance is the smaller matrix from here on.
            StartAccumulators(mainOnly: false);
            DropHeld();
        }
        Accumulate(block, kept, ids, labels, sums);
        RowsKept += kept;
    }

    /// <summary>
    /// Ends the read and returns the features constant across every kept row. Exactly as many rows as features:
    /// the covariance is decomposed (as when it had been accumulated all along) while subsets still come from the
    /// held rows, which are joined in one block with the constant features' columns cleared when
    /// <paramref name="centres"/> (centring makes a constant feature exactly zero).
    /// </summary>
    public int[] Finish(bool centres)
    {
        if (_held is null) return _constant.Indices();
        if (_covariance && RowsKept >= _d) StartAccumulators(mainOnly: true);
        // The Gram matrix comes next (the held rows are centred in place): checked here, so a run that cannot finish stops before it.
        MemoryBudget.Current.Check(8.0 * RowsKept * RowsKept, $"the Gram matrix of {RowsKept} samples × {_d} features", _path);
        var (held, reservation) = _held.Take();
        if (reservation is not null) _reserved.Add(reservation);
        var constant = ConstantFeatures.InRows(held, RowsKept, _d);
        if (centres && constant.Length > 0)
            for (long r = 0; r < RowsKept; r++)
                foreach (var j in constant) held[r * _d + j] = 0;
        HeldRows = held;
        return constant;
    }

    /// <summary>
    /// Creates the covariance accumulators once the rows outgrow the hold limit and folds the held rows in,
    /// chunk by chunk as they came: the sums are the same as if the accumulators had existed from the first row.
    /// While the data has no more rows than features they are never allocated (blocks + 1 + threads d² doubles
    /// with realisations, 1.5 GB at d = 4096 for 8 of them).
    /// </summary>
    private void StartAccumulators(bool mainOnly)
    {
        _layout = mainOnly ? _subsets.Blocks.WithCount(1) : AffordableLayout();
        _blocks = Enumerable.Range(0, _layout.Count).Select(_ => NewAccumulator(_layout.Count == 1 ? "the covariance accumulator" : "a block's covariance accumulator")).ToArray();
        if (_layout.Count > 1)
        {
            // The merged main accumulator and the realisations being solved side by side, reserved up front: the run fails here, not after the read.
            var later = (long)AccumulatorBytes * (1 + SolvedTogether(_layout.Realisations));
            _reserved.Add(MemoryBudget.Current.Reserve(later, $"the merged covariance and the realisations solved together ({_d} × {_d} each)", _path));
            _accumulatorsReserved += later;
        }
        int first = 0;
        for (var c = 0; c < _held!.ChunkRows.Count; c++)
        {
            var rows = _held.ChunkRows[c];
            var chunk = _held.Chunk(first, c);
            // Kept for the Gram path when only the main accumulator is made; consumed otherwise.
            if (mainOnly) _blocks[0].AddInPlace(chunk.ToArray(), rows);
            else Accumulate(chunk, rows, _heldIds[c], _heldLabels.GetRange(first, rows).ToArray(), default);
            first += rows;
        }
    }

    /// <summary>Folds kept rows (with their stable <paramref name="ids"/>) into their blocks and classes; the block is centred in place last.</summary>
    private void Accumulate(Span<double> block, int kept, long[] ids, string?[] labels, ReadOnlySpan<double> sums)
    {
        _constant.Add(block, kept);
        foreach (var (subset, rows) in _subsets.ClassesIn(kept, labels))
        {
            var acc = _classes.GetValueOrDefault(subset.Label!) ?? NewClassAccumulator(subset.Label!);
            var n = Gather(block, rows);
            acc.AddInPlace(_select.AsSpan(0, n * _d), n);
        }
        if (_blocks.Length == 1)
        {
            _blocks[0].AddInPlace(block, kept, sums);
            return;
        }
        var blockRows = RowSubsets.BlockRows(ids, kept, _layout);
        for (var b = 0; b < _blocks.Length; b++)
        {
            if (blockRows[b].Length == 0) continue;
            var n = Gather(block, blockRows[b]);
            _blocks[b].AddInPlace(_select.AsSpan(0, n * _d), n);
        }
    }

    private MomentAccumulator NewClassAccumulator(string label)
    {
        int accumulators = AccumulatorsHeld + 1;
        if (accumulators * AccumulatorBytes > AccumulatorBudget)
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                $"a covariance for class '{label}' would make {accumulators} accumulators of {_d} × {_d} ({Gb(accumulators * AccumulatorBytes)}), more than the {Gb(AccumulatorBudget)} they may take",
                hint: "reduce the features (resize images, select columns) or the classes, or the samples per class to at most the features");
        return _classes[label] = NewAccumulator($"the covariance accumulator of class '{label}'");
    }

    // The blocks, the merged main and realisation accumulators reserved beside them, and the classes.
    private int AccumulatorsHeld => _blocks.Length + (_blocks.Length > 1 ? 1 + SolvedTogether(_layout.Realisations) : 0) + _classes.Count;

    private int SolvedTogether(int realisations) => Math.Min(Math.Max(1, _backend.Info.Threads), realisations);

    /// <summary>Copies the chosen rows into a reused buffer (consumed in place by the next accumulator).</summary>
    private int Gather(ReadOnlySpan<double> block, int[] rows)
    {
        if (_select.Length < rows.Length * _d) _select = new double[rows.Length * _d];
        for (var j = 0; j < rows.Length; j++)
            block.Slice(rows[j] * _d, _d).CopyTo(_select.AsSpan(j * _d, _d));
        return rows.Length;
    }

    /// <summary>
    /// The blocks that fit in the memory allowed (<see cref="SpectrumOptions.MaxAccumulatorBytes"/>) with the merged
    /// main accumulator and the realisations solved together: all of <see cref="RowSubsets.Blocks"/> when they do, else
    /// fewer (fewer distinct halves, and another membership), else one block and no realisations; a note says which.
    /// </summary>
    private RealisationBlocks AffordableLayout()
    {
        double each = AccumulatorBytes, budget = AccumulatorBudget;
        if (each > budget)
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                $"the covariance of {_d} features needs {Gb(each)}, more than the {Gb(budget)} its accumulators may take", _path,
                hint: "reduce the features (resize images, select columns), or the samples to at most the features (the Gram matrix is used then)");
        var wanted = _subsets.Blocks;
        int requested = _subsets.Realisations;
        if (wanted.Count == 1) return wanted;
        for (var blocks = wanted.Count; blocks >= 2; blocks -= 2)
        {
            var layout = wanted.WithCount(blocks);
            var realisations = layout.Realisations;
            if ((blocks + 1 + SolvedTogether(realisations)) * each > budget) continue;
            if (blocks == wanted.Count) return wanted;
            _notes.Add(realisations < requested
                ? $"{realisations} of {requested} realisations: they are halves of {blocks} row blocks rather than {wanted.Count}, each block a {_d} × {_d} covariance ({Gb(each)}), and more would take more than {Gb(budget)}"
                : $"the {requested} realisations are halves of {blocks} row blocks rather than {wanted.Count} (so other rows than with more memory): each block is a {_d} × {_d} covariance ({Gb(each)}), and more would take more than {Gb(budget)}");
            return layout;
        }
        _notes.Add($"0 of {requested} realisations: each is a merge of {_d} × {_d} covariances ({Gb(each)}), and two blocks beside the main accumulator would take more than {Gb(budget)}");
        return wanted.WithCount(1);
    }

    private MomentAccumulator NewAccumulator(string what)
    {
        long bytes = (long)AccumulatorBytes;
        _reserved.Add(MemoryBudget.Current.Reserve(bytes, $"{what} ({_d} × {_d})", _path));
        _accumulatorsReserved += bytes;
        return new MomentAccumulator(_d, _backend);
    }

    // In block order, so the sums do not depend on which realisation or shard asked first.
    private MomentAccumulator Merged(IEnumerable<int> blocks)
    {
        var merged = new MomentAccumulator(_d, _backend);
        foreach (var b in blocks) merged.Merge(_blocks[b]);
        return merged;
    }

    // The rows went to accumulators (or never came): what held them is given back.
    private void DropHeld()
    {
        _held?.Dispose();
        _held = null;
        _heldIds.Clear();
        _heldLabels.Clear();
    }

    internal static string Gb(double bytes) => (bytes / 1e9).ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture) + " GB";

    public void Dispose()
    {
        foreach (var r in _reserved) r.Dispose();
        _reserved.Clear();
        _held?.Dispose();
    }
}
