using System.Numerics.Tensors;
using System.Diagnostics;
using Spectra.Data;
using Spectra.LinearAlgebra;
using Spectra.Matrices;
using Spectra.Spectrum;

namespace Spectra.Pipeline;

/// <summary>
/// The one entry point from rows to eigenvalues: reads a source once, validates every value,
/// accumulates the covariance in streaming fashion (and, while the data is small, keeps the rows for
/// the Gram matrix), decomposes the smaller of the two matrices, and reports the spectrum of the
/// matrix that was asked for with full provenance.
/// </summary>
public static class SpectrumPipeline
{
    private const long TargetChunkBytes = 32L << 20;

    public static SpectrumComputation Run(IDataSource source, SpectrumOptions? options = null,
        IProgress<SpectraProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= SpectrumOptions.Default;
        options.Validate();
        var backend = LinearAlgebraBackends.Get(options.Threads);
        var d = source.Features;
        if (d <= 0)
            throw new SpectraException(SpectraErrorKind.InvalidInput, "the data has no features (d = 0)", source.Info.Path,
                hint: "select at least one numeric column, or check that the images are not empty");

        using var state = new PassState(d, options, backend, source.FeatureNames, source.Info.Path);
        // Known in advance for files with headers; 0 (a count without a total) otherwise.
        var expectedRows = 0L;
        if (source is IRowCountHint hint)
        {
            expectedRows = hint.ExpectedRows;
            state.CheckPlanned(expectedRows);
        }
        var chunkRows = options.ChunkRows > 0 ? options.ChunkRows : (int)Math.Clamp(TargetChunkBytes / (8L * d), 64, 16_384);
        var readWatch = Stopwatch.StartNew();
        var accumulateTime = TimeSpan.Zero;
        foreach (var chunk in source.ReadChunks(chunkRows, progress, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (chunk.Columns != d)
                throw new SpectraException(SpectraErrorKind.InvalidInput,
                    $"a chunk has {chunk.Columns} values per row where {d} were expected (ragged rows)", source.Info.Path,
                    chunk.Rows > 0 ? chunk.RowName(0, state.RowsSeen) : null, "every sample must have the same number of features");
            var t0 = readWatch.Elapsed;
            state.Add(chunk, source.Info);
            accumulateTime += readWatch.Elapsed - t0;
            progress?.Report(new SpectraProgress("accumulate", state.RowsKept, expectedRows));
        }
        readWatch.Stop();
        source.Info.DroppedRows += state.RowsDropped;

        var solveWatch = Stopwatch.StartNew();
        var main = state.SolveAll(progress);
        state.AddNotes(source.Info);
        var realisations = state.SolveRealisations();
        var perLabel = state.SolveLabels();
        solveWatch.Stop();

        var timings = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["read"] = Math.Round((readWatch.Elapsed - accumulateTime).TotalMilliseconds, 3),
            ["accumulate"] = Math.Round(accumulateTime.TotalMilliseconds, 3),
            ["solve"] = Math.Round(solveWatch.Elapsed.TotalMilliseconds, 3),
        };
        var provenance = main.Provenance with { TimingsMs = timings, DroppedRows = state.RowsDropped };
        var spectrum = new EigenSpectrum(main.All, provenance, main.Count);
        var names = source.FeatureNames is null ? null : new KeptFeatureNames(source.FeatureNames, state.KeptFeatures);
        return new SpectrumComputation(spectrum, realisations, perLabel, state.Duplicates(), source.Info, names);
    }

    /// <summary>Accumulators and held rows of one pass; their memory is reserved against the run's <see cref="MemoryBudget"/> until the pass is disposed.</summary>
    private sealed class PassState : IDisposable
    {
        private readonly string _path;
        private readonly List<MemoryBudget.Reservation> _reserved = new();
        private readonly List<MemoryBudget.Reservation> _heldReserved = new();
        private readonly int _d;
        private readonly SpectrumOptions _o;
        private readonly ILinearAlgebraBackend _backend;
        private readonly IReadOnlyList<string>? _names;
        private readonly bool _covariance;
        private MomentAccumulator? _all;
        private MomentAccumulator[] _realisations = Array.Empty<MomentAccumulator>();
        private readonly SortedDictionary<string, MomentAccumulator> _labels = new(StringComparer.Ordinal);
        private readonly DuplicateDetector? _duplicates;
        private readonly long _holdLimit;
        private List<double[]>? _held = new();
        private readonly List<long> _heldStarts = new();
        private readonly List<string?> _heldLabels = new();
        private double[]? _heldRows;
        private double[] _select = Array.Empty<double>();
        private double[] _sums = Array.Empty<double>();
        private readonly DataScale _scale = new();
        private readonly ConstantFeatures _constant;
        private int[] _constantFeatures = Array.Empty<int>();

        public PassState(int d, SpectrumOptions o, ILinearAlgebraBackend backend, IReadOnlyList<string>? names, string path)
        {
            _path = path;
            _d = d;
            _o = o;
            _backend = backend;
            _names = names;
            _covariance = d <= o.MaxCovarianceFeatures;
            _duplicates = o.DetectDuplicates ? new DuplicateDetector() : null;
            _constant = new ConstantFeatures(d);
            // Rows are kept only while the Gram matrix is the smaller one (M ≤ d), so they never
            // cost more memory than the covariance itself; without a covariance they are all there is.
            _holdLimit = _covariance ? Math.Min(d, o.MaxGramSamples) : o.MaxGramSamples;
        }

        /// <summary>
        /// Creates the covariance accumulators (d² doubles each: the main one, one per realisation, one per
        /// label) once the rows outgrow the hold limit, and folds the held rows in, chunk by chunk as they
        /// came: the sums are the same as if the accumulators had existed from the first row. While the
        /// data has no more rows than features the Gram matrix of the held rows is all a spectrum needs,
        /// and the accumulators' (1 + realisations) · d² doubles (1.2 GB at d = 4096) are never allocated.
        /// </summary>
        private void StartAccumulators(bool mainOnly, SourceInfo? info = null)
        {
            var realisations = mainOnly ? 0 : AffordableRealisations(info!);
            _all = NewAccumulator("the covariance accumulator");
            _realisations = Enumerable.Range(0, realisations).Select(_ => NewAccumulator("a realisation's covariance accumulator")).ToArray();
            int label = 0;
            for (var c = 0; c < _held!.Count; c++)
            {
                var rows = _held[c].Length / _d;
                var labels = _heldLabels.GetRange(label, rows).ToArray();
                label += rows;
                // Kept for the Gram path when only the main accumulator is made; consumed otherwise.
                Accumulate(mainOnly ? (double[])_held[c].Clone() : _held[c], rows, _heldStarts[c], labels, default, mainOnly);
            }
        }

        private double AccumulatorBytes => 8.0 * _d * _d;

        // What the accumulators may take together: the option when given, else what the run's budget has
        // left beside everything but these accumulators.
        private double AccumulatorBudget => _o.MaxAccumulatorBytes > 0
            ? Math.Min(_o.MaxAccumulatorBytes, MemoryBudget.Current.Limit)
            : MemoryBudget.Current.Available + _accumulatorsReserved;

        private long _accumulatorsReserved;

        private MomentAccumulator NewAccumulator(string what)
        {
            long bytes = (long)AccumulatorBytes + 32L * _d;
            _reserved.Add(MemoryBudget.Current.Reserve(bytes, $"{what} ({_d} × {_d})", _path));
            _accumulatorsReserved += bytes;
            return new MomentAccumulator(_d, _backend);
        }

        /// <summary>Reserves a copy of <paramref name="rows"/> rows for as long as the pass lasts (or, for held rows, until they are consolidated).</summary>
        private void ReserveRows(long rows, string what, List<MemoryBudget.Reservation> into) =>
            into.Add(MemoryBudget.Current.Reserve(8L * rows * _d, $"{what} ({rows} samples × {_d} features)", _path));

        /// <summary>
        /// Fails before the first read when the rows a source will yield cannot fit: while they are held for the
        /// Gram matrix its peak is three copies of them (held, in one block, the matrix's working copy); past that
        /// it is the main covariance accumulator.
        /// </summary>
        public void CheckPlanned(long rows)
        {
            // At most one row can never make a spectrum: say so before decoding it (a single image may be large).
            if (rows < 2)
                throw new SpectraException(SpectraErrorKind.NotEnoughData, $"the input holds at most {rows} sample(s); a spectrum needs at least 2", _path,
                    hint: "give more samples; for the spectrum of one image use 'spectra single-image'");
            if (rows <= _holdLimit)
                MemoryBudget.Current.Check(24.0 * rows * _d + 8.0 * rows * rows, $"the Gram matrix of {rows} samples × {_d} features, with the samples held for it", _path);
            else if (_covariance)
                MemoryBudget.Current.Check(AccumulatorBytes, $"the covariance accumulator ({_d} × {_d})", _path);
        }

        public void Dispose()
        {
            foreach (var r in _reserved.Concat(_heldReserved)) r.Dispose();
            _reserved.Clear();
            _heldReserved.Clear();
        }

        private static string Gb(double bytes) => (bytes / 1e9).ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture) + " GB";

        /// <summary>How many realisation accumulators fit beside the main one in the memory allowed (<see cref="SpectrumOptions.MaxAccumulatorBytes"/>).</summary>
        private int AffordableRealisations(SourceInfo info)
        {
            double each = AccumulatorBytes, budget = AccumulatorBudget;
            if (each > budget)
                throw new SpectraException(SpectraErrorKind.LimitExceeded,
                    $"the covariance of {_d} features needs {Gb(each)}, more than the {Gb(budget)} its accumulators may take", info.Path,
                    hint: "reduce the features (resize images, select columns), or the samples to at most the features (the Gram matrix is used then)");
            int fit = (int)Math.Min(_o.Realisations, Math.Floor(budget / each) - 1);
            if (fit < _o.Realisations)
                info.Notes.Add($"{fit} of {_o.Realisations} realisations: each is a {_d} × {_d} covariance ({Gb(each)}), and {1 + _o.Realisations} accumulators would take more than {Gb(budget)}");
            return fit;
        }

        /// <summary>Folds kept rows (numbered from <paramref name="first"/>) into every accumulator; the block is centred in place last.</summary>
        private void Accumulate(Span<double> block, int kept, long first, string?[] keptLabels, ReadOnlySpan<double> sums, bool mainOnly = false)
        {
            if (!mainOnly)
            {
                for (var k = 0; k < _realisations.Length; k++)
                {
                    var sel = Select(block, kept, i => SubsampleMembership.Contains(_o.Seed, k, first + i, _o.RealisationFraction));
                    _realisations[k].AddInPlace(sel.Values.AsSpan(0, sel.Rows * _d), sel.Rows);
                }
                if (_o.PerLabel)
                {
                    foreach (var label in keptLabels.Take(kept).Where(l => l is not null).Distinct())
                    {
                        var sel = Select(block, kept, i => keptLabels[i] == label);
                        if (!_labels.TryGetValue(label!, out var acc))
                        {
                            int accumulators = 2 + _realisations.Length + _labels.Count;
                            if (accumulators * AccumulatorBytes > AccumulatorBudget)
                                throw new SpectraException(SpectraErrorKind.LimitExceeded,
                                    $"a covariance for class '{label}' would make {accumulators} accumulators of {_d} × {_d} ({Gb(accumulators * AccumulatorBytes)}), more than the {Gb(AccumulatorBudget)} they may take",
                                    hint: "reduce the features (resize images, select columns) or the classes, or the samples per class to at most the features");
                            _labels[label!] = acc = NewAccumulator($"the covariance accumulator of class '{label}'");
                        }
                        acc.AddInPlace(sel.Values.AsSpan(0, sel.Rows * _d), sel.Rows);
                    }
                }
            }
            _all!.AddInPlace(block, kept, sums);
        }

        public long RowsSeen { get; private set; }
        public long RowsKept { get; private set; }
        public long RowsDropped { get; private set; }
        public IReadOnlyList<int> KeptFeatures { get; private set; } = Array.Empty<int>();

        public void Add(RowChunk chunk, SourceInfo info)
        {
            var rows = chunk.Rows;
            var kept = 0;
            var keptLabels = new string?[rows];
            // Rows are compacted in the chunk's own buffer (the consumer owns it, IDataSource contract):
            // no copy of the data is made on the way to the accumulator.
            var values = chunk.Values;
            _scale.Apply(values.AsSpan(0, rows * _d));
            // One pass gives the column sums that centring needs and, when they are finite, clears every
            // row of NaN and ±∞; only a block with a non-finite sum is searched row by row.
            if (_sums.Length < _d) _sums = new double[_d];
            RowBlock.SumRows(values, rows, _d, _sums);
            var allFinite = RowBlock.AllFinite(_sums.AsSpan(0, _d));
            for (var r = 0; r < rows; r++)
            {
                var global = RowsSeen + r;
                var row = chunk.Row(r);
                var bad = allFinite ? -1 : FirstNonFinite(row);
                if (bad >= 0)
                {
                    if (_o.Preprocess.NonFinite == NonFinitePolicy.DropRow) { RowsDropped++; continue; }
                    var column = _names is not null && bad < _names.Count ? $"column '{_names[bad]}' (feature {bad})" : $"feature {bad}";
                    throw new SpectraException(SpectraErrorKind.InvalidInput,
                        $"{(double.IsNaN(row[bad]) ? "NaN" : "an infinite value")} in {chunk.RowName(r, global)}, {column}",
                        info.Path, $"sample {global}",
                        "clean the data, or drop such rows with the non-finite policy 'drop-row' (--drop-non-finite)");
                }
                _duplicates?.Add(row, chunk.RowReference(r, global));
                if (kept != r) row.CopyTo(values.AsSpan(kept * _d, _d));
                keptLabels[kept] = chunk.Labels?[r];
                kept++;
            }
            RowsSeen += rows;
            if (kept == 0) return;
            var block = values.AsSpan(0, kept * _d);
            _constant.Add(block, kept);
            if (_held is not null)
            {
                if (RowsKept + kept <= _holdLimit)
                {
                    ReserveRows(kept, "samples held for the Gram matrix", _heldReserved);
                    _held.Add(block.ToArray());
                    _heldStarts.Add(RowsKept);
                    _heldLabels.AddRange(keptLabels.Take(kept));
                    RowsKept += kept;
                    return;
                }
                if (!_covariance)
                    throw new SpectraException(SpectraErrorKind.LimitExceeded,
                        $"{RowsKept + kept} samples of {_d} features: the covariance ({_d} × {_d}) is above its limit of {_o.MaxCovarianceFeatures} features and the Gram matrix above its limit of {_o.MaxGramSamples} samples",
                        hint: "limit the samples (max samples) or reduce the features (resize images, select columns)");
                // More rows than features: the covariance is the smaller matrix from here on.
                StartAccumulators(mainOnly: false, info);
                _held = null;
                _heldStarts.Clear();
                _heldLabels.Clear();
                foreach (var r in _heldReserved) r.Dispose();
                _heldReserved.Clear();
            }
            Accumulate(block, kept, RowsKept, keptLabels, kept == rows ? _sums.AsSpan(0, _d) : default);
            RowsKept += kept;
        }

        /// <summary>Copies the kept rows into a reused buffer (consumed in place by the next accumulator).</summary>
        private (double[] Values, int Rows) Select(ReadOnlySpan<double> block, int rows, Func<int, bool> keep)
        {
            if (_select.Length < rows * _d) _select = new double[rows * _d];
            var j = 0;
            for (var i = 0; i < rows; i++)
                if (keep(i)) block.Slice(i * _d, _d).CopyTo(_select.AsSpan(j++ * _d, _d));
            return (_select, j);
        }

        public DuplicateRows Duplicates() => _duplicates?.Result() ?? DuplicateRows.None;

        public EigenSpectrum SolveAll(IProgress<SpectraProgress>? progress)
        {
            if (RowsKept < 2)
                throw new SpectraException(SpectraErrorKind.NotEnoughData,
                    $"{RowsKept} usable sample(s){(RowsDropped > 0 ? $" ({RowsDropped} dropped for non-finite values)" : "")}; a spectrum needs at least 2", _path);
            progress?.Report(new SpectraProgress("solve", 0, 1));
            _constantFeatures = _constant.Indices();
            // Exactly as many rows as features: the covariance is decomposed (as when it had been
            // accumulated all along); realisations and labels still come from the held rows.
            if (_held is not null && _covariance && RowsKept >= _d) StartAccumulators(mainOnly: true);
            double[]? held = null;
            if (_held is not null)
            {
                // The Gram matrix's working copy of the rows and the matrix come next: checked with the block, so a run that cannot finish stops here.
                MemoryBudget.Current.Check(16.0 * RowsKept * _d + 8.0 * RowsKept * RowsKept, $"the Gram matrix of {RowsKept} samples × {_d} features and its working copy", _path);
                ReserveRows(RowsKept, "the samples in one block", _reserved);
                // Rows that came in one chunk are that block already: copying them would hold a second
                // copy (1.6 GB for two 10⁸-pixel images) until the collector runs.
                if (_held.Count == 1) held = _held[0];
                else
                {
                    held = new double[_held.Sum(c => (long)c.Length)];
                    long offset = 0;
                    foreach (var c in _held) { Array.Copy(c, 0, held, offset, c.Length); offset += c.Length; }
                }
                _held.Clear(); // the chunks now live in one block
                if (Centres) ZeroColumns(held, _constantFeatures);
                foreach (var r in _heldReserved) r.Dispose();
                _heldReserved.Clear();
            }
            _heldRows = held;
            var result = Solve(_all, held, RowsKept, out var kept);
            KeptFeatures = kept;
            progress?.Report(new SpectraProgress("solve", 1, 1));
            return result;
        }

        /// <summary>Centring (standardisation centres too) makes a constant feature's column exactly zero.</summary>
        private bool Centres => _o.Preprocess.Center || _o.Preprocess.Standardize;

        /// <summary>Centred data in which every feature is constant: its matrix is zero and it has no spectrum.</summary>
        private bool NoVariance => Centres && _constantFeatures.Length == _d;

        public void AddNotes(SourceInfo info)
        {
            if (_scale.Note() is { } scaled) info.Notes.Add(scaled);
            if (NoVariance)
                info.Notes.Add($"every feature is constant across the {RowsKept} samples: the data has no variance, so it has no spectrum (all eigenvalues are zero)");
        }

        private void ZeroColumns(double[] rows, int[] features)
        {
            if (features.Length == 0) return;
            for (long r = 0; r < RowsKept; r++)
                foreach (var j in features) rows[r * _d + j] = 0;
        }

        /// <summary>Clears a constant feature's row and column of a co-moment (exactly zero; what is there is round-off).</summary>
        private void ZeroCoMoments(MomentAccumulator acc)
        {
            var m = acc.CoMoment;
            foreach (var j in _constantFeatures)
            {
                m.AsSpan(j * _d, _d).Clear();
                for (var k = 0; k < _d; k++) m[k * _d + j] = 0;
            }
        }

        public IReadOnlyList<EigenSpectrum> SolveRealisations()
        {
            var jobs = new List<Func<Prepared>>();
            for (var k = 0; k < _o.Realisations; k++)
            {
                var realisation = k;
                if (_held is not null)
                {
                    var rows = Enumerable.Range(0, (int)RowsKept).Where(i => SubsampleMembership.Contains(_o.Seed, realisation, i, _o.RealisationFraction)).ToArray();
                    if (rows.Length >= 2) jobs.Add(() => Prepare(null, Gather(rows), rows.Length));
                }
                else if (_realisations.Length > k && _realisations[k].Count >= 2)
                {
                    jobs.Add(() => Prepare(_realisations[realisation], null, _realisations[realisation].Count));
                }
            }
            return SolveEach(jobs);
        }

        public IReadOnlyDictionary<string, EigenSpectrum> SolveLabels()
        {
            var result = new SortedDictionary<string, EigenSpectrum>(StringComparer.Ordinal);
            if (!_o.PerLabel) return result;
            var labels = new List<string>();
            var jobs = new List<Func<Prepared>>();
            if (_held is not null)
            {
                foreach (var label in _heldLabels.Where(l => l is not null).Distinct())
                {
                    var rows = Enumerable.Range(0, _heldLabels.Count).Where(i => _heldLabels[i] == label).ToArray();
                    if (rows.Length < 2) continue;
                    labels.Add(label!);
                    jobs.Add(() => Prepare(null, Gather(rows), rows.Length));
                }
            }
            else
            {
                foreach (var (label, acc) in _labels)
                {
                    if (acc.Count < 2) continue;
                    labels.Add(label);
                    jobs.Add(() => Prepare(acc, null, acc.Count));
                }
            }
            var spectra = SolveEach(jobs);
            for (var i = 0; i < labels.Count; i++) result[labels[i]] = spectra[i];
            return result;
        }

        /// <summary>
        /// Spectra of several matrices, prepared and solved a few at a time (as many as the backend has
        /// threads): the backend may solve them side by side, and only that many matrices are held at once.
        /// </summary>
        private List<EigenSpectrum> SolveEach(List<Func<Prepared>> jobs)
        {
            var spectra = new List<EigenSpectrum>(jobs.Count);
            int group = Math.Max(1, _backend.Info.Threads);
            for (var start = 0; start < jobs.Count; start += group)
            {
                var prepared = jobs.Skip(start).Take(group).Select(job => job()).ToList();
                var values = _backend.SymmetricEigenvaluesOverwriting(prepared.Select(p => (p.Matrix, p.Order)).ToList());
                for (var i = 0; i < prepared.Count; i++) spectra.Add(Finish(prepared[i], values[i]));
            }
            return spectra;
        }

        private double[] Gather(int[] rows)
        {
            // Each subset's copy and its Gram matrix's working copy, for the matrices solved side by side.
            MemoryBudget.Current.Check(Math.Max(1, _backend.Info.Threads) * (16.0 * rows.Length * _d + 8.0 * rows.Length * rows.Length),
                $"the Gram matrices of subsets of {rows.Length} samples × {_d} features", _path);
            var x = new double[rows.Length * _d];
            for (var i = 0; i < rows.Length; i++)
                Array.Copy(_heldRows!, (long)rows[i] * _d, x, (long)i * _d, _d);
            return x;
        }

        /// <summary>The smaller matrix of some rows, ready for the eigensolver (which may overwrite it).</summary>
        private sealed record Prepared(double[] Matrix, int Order, MatrixKind Computed, long Samples, int Features,
            IReadOnlyList<int> KeptFeatures, IReadOnlyList<int> DroppedFeatures);

        /// <summary>Decomposes the smaller matrix and reports the requested one's spectrum.</summary>
        private EigenSpectrum Solve(MomentAccumulator? acc, double[]? heldRows, long samples, out IReadOnlyList<int> keptFeatures)
        {
            var p = Prepare(acc, heldRows, samples);
            keptFeatures = p.KeptFeatures;
            return Finish(p, _backend.SymmetricEigenvaluesOverwriting(p.Matrix, p.Order));
        }

        private Prepared Prepare(MomentAccumulator? acc, double[]? heldRows, long samples)
        {
            // Data without variance has a zero matrix: there is nothing to standardise.
            var pre = NoVariance ? _o.Preprocess with { Standardize = false } : _o.Preprocess;
            if (heldRows is not null && (samples < _d || acc is null))
            {
                var (g, kept, drop) = GramMatrix.From(heldRows, (int)samples, _d, pre, _backend, _o.MaxGramSamples);
                return Checked(new Prepared(g.Values, g.Order, MatrixKind.Gram, samples, kept.Count, kept, drop));
            }
            ZeroCoMoments(acc!);
            var c = CovarianceMatrix.FromLowerTriangle(acc!, pre, consume: true);
            return Checked(new Prepared(c.Matrix.Values, c.Matrix.Order, MatrixKind.Covariance, samples, c.KeptFeatures.Count, c.KeptFeatures, c.DroppedFeatures));
        }

        /// <summary>
        /// A matrix that overflowed (values that grew far beyond those that set the scale) is refused here,
        /// by name, rather than left to fail inside the eigensolver.
        /// </summary>
        private Prepared Checked(Prepared p)
        {
            if (double.IsFinite(TensorPrimitives.Sum(p.Matrix.AsSpan(0, p.Order * p.Order)))) return p;
            if (RowBlock.AllFinite(p.Matrix.AsSpan(0, p.Order * p.Order))) return p;
            var kind = p.Computed == MatrixKind.Gram ? "Gram" : "covariance";
            throw new SpectraException(SpectraErrorKind.InvalidInput,
                $"the {kind} matrix overflows double precision: the data's magnitude grows far beyond that of its first rows (largest |x| there {_scale.LargestMagnitude.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)})",
                _path, hint: "divide the data by a constant before analysing it (no statistic depends on the scale)");
        }

        private EigenSpectrum Finish(Prepared p, double[] values)
        {
            var requested = SpectrumOptions.KindOf(_o.Matrix, p.Samples, p.Features);
            var reported = Convert(_scale.Unscale(values), p.Computed, requested, p.Samples, p.Features);
            var provenance = new SpectrumProvenance
            {
                Requested = requested,
                Computed = p.Computed,
                Samples = p.Samples,
                Features = p.Features,
                Centered = _o.Preprocess.Center,
                Standardized = _o.Preprocess.Standardize,
                DroppedFeatures = p.DroppedFeatures,
                Backend = _backend.Info,
                Seed = _o.Seed,
            };
            return new EigenSpectrum(reported, provenance, reported.Length);
        }

        /// <summary>
        /// The non-zero eigenvalues of M·C and d·G coincide, so λ_C = λ_G · d / M; the requested matrix's
        /// remaining eigenvalues are exact zeros.
        /// </summary>
        private static double[] Convert(double[] values, MatrixKind computed, MatrixKind requested, long samples, int features)
        {
            if (computed == requested) return values;
            var (scale, order) = requested == MatrixKind.Covariance
                ? ((double)features / samples, features)
                : ((double)samples / features, (int)Math.Min(samples, int.MaxValue));
            var result = new double[Math.Max(order, values.Length)];
            var offset = result.Length - values.Length;
            for (var i = 0; i < values.Length; i++) result[offset + i] = values[i] * scale;
            return result;
        }

        private static int FirstNonFinite(ReadOnlySpan<double> row)
        {
            // NaN and ±∞ propagate through a sum, so a finite sum clears the row in one vectorised pass;
            // only a suspicious row (or one whose sum overflowed) is scanned value by value.
            if (double.IsFinite(TensorPrimitives.Sum(row))) return -1;
            for (var j = 0; j < row.Length; j++)
                if (!double.IsFinite(row[j])) return j;
            return -1;
        }
    }
}
