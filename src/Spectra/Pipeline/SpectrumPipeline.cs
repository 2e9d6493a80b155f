using System.Diagnostics;

namespace Spectra.Pipeline;

/// <summary>
/// The one entry point from rows to eigenvalues: reads a source once through the <see cref="RowFilter"/>
/// into a <see cref="RowAccumulation"/> (rows held while the data is small, covariance accumulators past that),
/// and has the <see cref="SpectrumSolver"/> report the spectrum of the matrix that was asked for, of all rows
/// and of each <see cref="RowSubsets">subset</see>, with full provenance. The source is only read: what the
/// read found and what the run dropped or noted are combined into the result's <see cref="SourceInfo"/>.
/// </summary>
internal static class SpectrumPipeline
{
    private const long TargetChunkBytes = 32L << 20;

    public static SpectrumComputation Run(IDataSource source, SpectrumOptions? options = null,
        IProgress<SpectraProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= SpectrumOptions.Default;
        using var rows = source is Shards.AccumulatorSource merged ? merged.Restore(options) : Read(source, options, progress, cancellationToken);
        return Solve(rows, options, progress);
    }

    /// <summary>
    /// One pass over the source into the accumulation. With <paramref name="accumulateOnly"/> (a shard) every row goes
    /// to the covariance accumulators, however few: the rows of one shard are not the data's, so none are held.
    /// </summary>
    public static RowsRead Read(IDataSource source, SpectrumOptions options, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default, bool accumulateOnly = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        options.Validate();
        var backend = LinearAlgebraBackends.Get(options.Threads);
        var d = source.Features;
        var path = source.Header.Path;
        if (d <= 0)
            throw new SpectraException(SpectraErrorKind.InvalidInput, "the data has no features (d = 0)", path,
                hint: "select at least one numeric column, or check that the images are not empty");

        var notes = new List<string>();
        var subsets = Subsets(options);
        var filter = new RowFilter(d, options.Preprocess.NonFinite, options.DetectDuplicates, source.FeatureNames, path);
        var scale = new DataScale();
        var constant = new ConstantFeatures(d);
        var accumulation = new RowAccumulation(d, options, backend, subsets, path, notes, constant, accumulateOnly);
        try
        {
            // Known in advance for files with headers; 0 (a count without a total) otherwise.
            var expectedRows = 0L;
            if (source is IRowCountHint hint)
            {
                expectedRows = hint.ExpectedRows;
                // A shard may hold a single row: only the merged rows must make a spectrum.
                if (!accumulateOnly) accumulation.CheckPlanned(expectedRows);
            }
            var chunkRows = options.ChunkRows > 0 ? options.ChunkRows : (int)Math.Clamp(TargetChunkBytes / (8L * d), 64, 16_384);
            var read = new ReadSummary();
            var readWatch = Stopwatch.StartNew();
            var accumulateTime = TimeSpan.Zero;
            foreach (var chunk in source.ReadChunks(chunkRows, read, progress, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (chunk.Columns != d)
                    throw new SpectraException(SpectraErrorKind.InvalidInput,
                        $"a chunk has {chunk.Columns} values per row where {d} were expected (ragged rows)", path,
                        chunk.Rows > 0 ? chunk.RowName(0, filter.RowsSeen) : null, "every sample must have the same number of features");
                var t0 = readWatch.Elapsed;
                scale.Apply(chunk.Values.AsSpan(0, chunk.Rows * d));
                var kept = filter.Filter(chunk);
                var block = kept.Values.AsSpan(0, kept.Count * d);
                accumulation.Add(block, kept.Count, kept.Labels, kept.Ids, kept.Sums is { } sums ? sums.AsSpan(0, d) : default);
                accumulateTime += readWatch.Elapsed - t0;
                progress?.Report(new SpectraProgress("accumulate", accumulation.RowsKept, expectedRows));
            }
            readWatch.Stop();
            return new RowsRead
            {
                Features = d,
                FeatureNames = source.FeatureNames,
                Header = source.Header,
                Read = read,
                Backend = backend,
                Accumulation = accumulation,
                Constant = constant,
                Scale = scale,
                RowsDropped = filter.RowsDropped,
                Detector = filter.Detector,
                Notes = notes,
                ReadTime = readWatch.Elapsed - accumulateTime,
                AccumulateTime = accumulateTime,
            };
        }
        catch
        {
            accumulation.Dispose();
            throw;
        }
    }

    /// <summary>The subsets whose spectra a run computes besides all rows': one rule for reading them and for solving them.</summary>
    internal static RowSubsets Subsets(SpectrumOptions options) =>
        new(options.Seed, options.Realisations, options.PerLabel);

    /// <summary>The spectra of all rows and of every subset, with full provenance, from what a read (or a merge of shards) left.</summary>
    public static SpectrumComputation Solve(RowsRead rows, SpectrumOptions options, IProgress<SpectraProgress>? progress = null)
    {
        var d = rows.Features;
        var path = rows.Header.Path;
        var accumulation = rows.Accumulation;
        var notes = rows.Notes;
        var scale = rows.Scale;
        var solveWatch = Stopwatch.StartNew();
        var rowsKept = accumulation.RowsKept;
        if (rowsKept < 2)
            throw new SpectraException(SpectraErrorKind.NotEnoughData,
                $"{rowsKept} usable sample(s){(rows.RowsDropped > 0 ? $" ({rows.RowsDropped} dropped for non-finite values)" : "")}; a spectrum needs at least 2", path);
        progress?.Report(new SpectraProgress("solve", 0, 1));
        var constantFeatures = accumulation.Finish(SpectrumSolver.Centres(options));
        var solver = new SpectrumSolver(d, options, rows.Backend, scale, constantFeatures, path);
        // The subsets first: they copy the held rows they need, so the main Gram matrix can then centre the rows where they are.
        var subsets = Subsets(options);
        var realisations = SubsetSpectra.Realisations(accumulation, subsets, solver);
        var perLabel = SubsetSpectra.Classes(accumulation, subsets, solver);
        var main = solver.Solve(accumulation.Main, accumulation.HeldRows, rowsKept, out var keptFeatures, consumeRows: true);
        progress?.Report(new SpectraProgress("solve", 1, 1));
        if (scale.Note() is { } scaled) notes.Add(scaled);
        if (solver.NoVariance)
            notes.Add($"every feature is constant across the {rowsKept} samples: the data has no variance, so it has no spectrum (all eigenvalues are zero)");
        solveWatch.Stop();

        var timings = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["read"] = Math.Round(rows.ReadTime.TotalMilliseconds, 3),
            ["accumulate"] = Math.Round(rows.AccumulateTime.TotalMilliseconds, 3),
            ["solve"] = Math.Round(solveWatch.Elapsed.TotalMilliseconds, 3),
        };
        var provenance = main.Provenance with { TimingsMs = timings, DroppedRows = rows.RowsDropped };
        var spectrum = new EigenSpectrum(main.All, provenance, main.Count);
        var names = rows.FeatureNames is null ? null : new KeptFeatureNames(rows.FeatureNames, keptFeatures);
        var info = SourceInfo.Of(rows.Header, rows.Read, rows.RowsDropped, notes);
        return new SpectrumComputation(spectrum, realisations, perLabel, rows.Duplicates, info, names);
    }
}
