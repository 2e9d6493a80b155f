namespace Spectra.Pipeline.Shards;

/// <summary>
/// From a shard's read to its file, from a set of shard files to one (exact: the accumulators merge in shard
/// order, never in order of arrival), and from a complete set back to what a single run's read leaves.
/// </summary>
internal static class ShardSet
{
    /// <summary>Writes what a shard's read left (its accumulators, range, scale, duplicate search and provenance).</summary>
    public static void Save(RowsRead rows, ShardSelection shard, IReadOnlyDictionary<string, string> options, string toolVersion, string path)
    {
        var acc = rows.Accumulation;
        // A shard that read no row (more shards than row groups) still holds every accumulator, empty, so that it merges with the others.
        var main = acc.Main ?? new MomentAccumulator(rows.Features, rows.Backend);
        // The main accumulator is the only block without realisations: it is written once.
        IReadOnlyList<MomentAccumulator> blocks = acc.Layout.Count == 1 ? []
            : acc.Main is null ? Enumerable.Range(0, acc.Layout.Count).Select(_ => new MomentAccumulator(rows.Features, rows.Backend)).ToArray()
            : acc.BlockAccumulators;
        var classes = acc.AccumulatedClasses.ToDictionary(l => l, l => acc.AccumulatorOf(RowSubset.OfClass(l))!, StringComparer.Ordinal);
        var range = rows.Constant.Range;
        var duplicates = rows.DuplicateLedger();
        var header = new ShardHeader
        {
            Shards = [shard.Index],
            Of = shard.Count,
            Input = rows.Header.Path,
            Kind = rows.Header.Kind,
            Features = rows.Features,
            FeatureNamesHash = NamesHash(rows.FeatureNames),
            FeatureNames = rows.FeatureNames?.ToArray(),
            Options = new SortedDictionary<string, string>(options.ToDictionary(), StringComparer.Ordinal),
            ToolVersion = toolVersion,
            Rows = main.Count,
            RowsDropped = rows.RowsDropped,
            Files = rows.Read.Files,
            FirstFile = rows.Read.FirstFile,
            LastFile = rows.Read.LastFile,
            ContentHashes = [rows.Read.ContentHash],
            HeaderNotes = rows.Header.Notes,
            HeaderSkipped = rows.Header.Skipped,
            ReadNotes = rows.Read.Notes,
            ReadSkipped = rows.Read.Skipped,
            ReadDroppedRows = rows.Read.DroppedRows,
            Notes = rows.Notes,
            ScaleDecided = rows.Scale.Decided,
            ScaleExponent = rows.Scale.Exponent,
            ScaleLargest = rows.Scale.LargestMagnitude,
            Blocks = blocks.Count,
            Classes = classes.Keys.Order(StringComparer.Ordinal).ToArray(),
            HasRange = range.Min.Length > 0,
            Duplicates = duplicates is not null,
            DuplicateRows = duplicates?.Rows ?? 0,
            DuplicateCount = duplicates?.Count ?? 0,
            DistinctRows = duplicates?.Distinct.Count ?? 0,
            FirstDuplicates = duplicates?.FirstDuplicates.Count ?? 0,
        };
        ShardFile.Write(path, header, main, blocks, classes, range, duplicates);
    }

    /// <summary>
    /// Merges shard files of one input into one: every file's header is checked against the first's before any
    /// accumulator is read, a shard given twice or missing is refused by index, and the rows are folded in shard order.
    /// </summary>
    /// <param name="requireComplete">Refuse a set that lacks shards (a merge's output must hold them all).</param>
    public static ShardContents Merge(IReadOnlyList<string> paths, ILinearAlgebraBackend backend, bool requireComplete = true)
    {
        if (paths.Count == 0)
            throw new SpectraException(SpectraErrorKind.InvalidOption, "no accumulator files given", hint: "give the shard files, e.g. run/shard-*.spacc");
        var headers = paths.Select(p => (Path: p, Header: ShardFile.ReadHeader(p))).ToList();
        var first = headers[0];
        foreach (var (path, h) in headers.Skip(1)) Compatible(first.Path, first.Header, path, h);
        var owner = new Dictionary<int, string>();
        foreach (var (path, h) in headers)
            foreach (var i in h.Shards)
                if (!owner.TryAdd(i, path))
                    throw new SpectraException(SpectraErrorKind.InvalidInput, $"shard {i} of {h.Of} is given twice: in {owner[i]} and in {path}", path,
                        hint: "give each shard's file once");
        var n = first.Header.Of;
        var missing = Enumerable.Range(1, n).Where(i => !owner.ContainsKey(i)).ToList();
        if (requireComplete && missing.Count > 0)
            throw new SpectraException(SpectraErrorKind.InvalidInput,
                $"{missing.Count} of {n} shards missing: {(missing.Count == 1 ? "shard" : "shards")} {Indices(missing)} (the files given hold {Indices(owner.Keys.Order().ToList())})",
                first.Path, hint: "run the missing shards (`spectra accumulate INPUT --shard I/" + n + " -o FILE`) or find their files, then merge again");

        ShardContents? merged = null;
        foreach (var (path, _) in headers.OrderBy(x => x.Header.Shards[0]))
        {
            // The accumulators fold into the merged ones as they are read; Join adds the rest.
            var next = ShardFile.Read(path, backend, merged, checksumVerified: true);
            merged = merged is null ? next : Join(merged, next, path);
        }
        return merged!;
    }

    /// <summary>The rows a complete set holds, as a read leaves them, ready for <see cref="SpectrumPipeline.Solve"/>.</summary>
    public static RowsRead Restore(ShardContents c, SpectrumOptions options, ILinearAlgebraBackend backend, string path)
    {
        var h = c.Header;
        if (!h.Complete)
            throw new SpectraException(SpectraErrorKind.InvalidInput,
                $"the file holds {h.Describe()}; {Indices(Enumerable.Range(1, h.Of).Except(h.Shards).ToList())} missing", path,
                hint: "merge every shard first: spectra merge run/shard-*.spacc -o merged.spacc");
        var notes = h.Notes.ToList();
        var subsets = SpectrumPipeline.Subsets(options);
        var constant = new ConstantFeatures(h.Features);
        constant.Merge(c.Min, c.Max);
        var accumulation = RowAccumulation.Restored(h.Features, options, backend, subsets, h.Input, notes, constant, c.Main, c.Blocks.Count == 0 ? [c.Main] : c.Blocks, c.Classes);
        var read = new ReadSummary
        {
            Files = h.Files,
            ContentHash = CombinedHash(h.ContentHashes),
            DroppedRows = h.ReadDroppedRows,
            FirstFile = h.FirstFile,
            LastFile = h.LastFile,
        };
        read.Notes.AddRange(h.ReadNotes);
        read.Skipped.AddRange(h.ReadSkipped);
        return new RowsRead
        {
            Features = h.Features,
            FeatureNames = h.FeatureNames,
            Header = new SourceHeader(h.Input, h.Kind) { Notes = h.HeaderNotes, Skipped = h.HeaderSkipped },
            Read = read,
            Backend = backend,
            Accumulation = accumulation,
            Constant = constant,
            Scale = DataScale.Restored(h.ScaleDecided, h.ScaleExponent, h.ScaleLargest),
            RowsDropped = h.RowsDropped,
            JoinedDuplicates = c.Duplicates,
            Notes = notes,
        };
    }

    /// <summary>One shard's content hash as it is; several shards' hashes are hashed in shard order (a sharded run names its input by its shards).</summary>
    private static string? CombinedHash(IReadOnlyList<string?> hashes) =>
        hashes.Count == 1 ? hashes[0] : hashes.Any(x => x is null) ? null : ContentHash.Of(Encoding.ASCII.GetBytes(string.Join("\n", hashes)));

    private static ShardContents Join(ShardContents a, ShardContents b, string path)
    {
        var ha = a.Header;
        var hb = b.Header;
        if (ha.ScaleDecided && hb.ScaleDecided && ha.ScaleExponent != hb.ScaleExponent)
            throw new SpectraException(SpectraErrorKind.InvalidInput,
                $"the shards were scaled apart (by 2^{ha.ScaleExponent} and 2^{hb.ScaleExponent}): their values differ in magnitude beyond 2^100", path,
                hint: "divide the data by a constant before accumulating it (no statistic depends on the scale)");
        // b's accumulators are a's with b's rows folded in (ShardFile.Read), and any label a did not have.
        var classes = new SortedDictionary<string, MomentAccumulator>(a.Classes.ToDictionary(), StringComparer.Ordinal);
        foreach (var (label, acc) in b.Classes) classes[label] = acc;
        var range = new ConstantFeatures(ha.Features);
        range.Merge(a.Min, a.Max);
        range.Merge(b.Min, b.Max);
        var (min, max) = range.Range;
        DuplicateLedger? duplicates = a.Duplicates is { } da && b.Duplicates is { } db ? DuplicateLedger.Join([da, db]) : null;
        // Shards read in order share at most the file on their boundary.
        var continues = ha.LastFile is not null && ha.LastFile == hb.FirstFile;
        var header = ha with
        {
            Shards = ha.Shards.Concat(hb.Shards).Order().ToArray(),
            Rows = ha.Rows + hb.Rows,
            RowsDropped = ha.RowsDropped + hb.RowsDropped,
            Files = ha.Files + hb.Files - (continues ? 1 : 0),
            FirstFile = ha.FirstFile ?? hb.FirstFile,
            LastFile = hb.LastFile ?? ha.LastFile,
            ContentHashes = ha.ContentHashes.Concat(hb.ContentHashes).ToArray(),
            HeaderNotes = ha.HeaderNotes.Union(hb.HeaderNotes).ToArray(),
            HeaderSkipped = ha.HeaderSkipped.Concat(hb.HeaderSkipped).ToArray(),
            ReadNotes = ha.ReadNotes.Union(hb.ReadNotes).ToArray(),
            ReadSkipped = ha.ReadSkipped.Concat(hb.ReadSkipped).ToArray(),
            ReadDroppedRows = ha.ReadDroppedRows + hb.ReadDroppedRows,
            Notes = ha.Notes.Union(hb.Notes).ToArray(),
            ScaleDecided = ha.ScaleDecided || hb.ScaleDecided,
            ScaleExponent = ha.ScaleDecided ? ha.ScaleExponent : hb.ScaleExponent,
            ScaleLargest = ha.ScaleDecided ? ha.ScaleLargest : hb.ScaleLargest,
            Blocks = a.Blocks.Count,
            Classes = classes.Keys.ToArray(),
            HasRange = min.Length > 0,
            DuplicateRows = duplicates?.Rows ?? 0,
            DuplicateCount = duplicates?.Count ?? 0,
            DistinctRows = duplicates?.Distinct.Count ?? 0,
            FirstDuplicates = duplicates?.FirstDuplicates.Count ?? 0,
        };
        return new ShardContents(header, b.Main, b.Blocks, classes, min, max, duplicates);
    }

    /// <summary>Shards of one run agree on the input, its shape, the options and N; the first difference is named.</summary>
    private static void Compatible(string pathA, ShardHeader a, string pathB, ShardHeader b)
    {
        string? what =
            a.Of != b.Of ? $"the input was split into {a.Of} shards for {pathA} and {b.Of} for this file" :
            a.Input != b.Input || a.Kind != b.Kind ? $"the shards are of different inputs ({a.Kind} '{a.Input}' in {pathA}, {b.Kind} '{b.Input}' here)" :
            a.Features != b.Features ? $"the shards have different feature counts ({a.Features} in {pathA}, {b.Features} here)" :
            a.FeatureNamesHash != b.FeatureNamesHash ? $"the shards' features differ (other columns or image sizes than in {pathA})" :
            !a.Options.OrderBy(x => x.Key).SequenceEqual(b.Options.OrderBy(x => x.Key)) ? $"the shards were accumulated with different options ({Options(a)} in {pathA}, {Options(b)} here)" :
            a.Duplicates != b.Duplicates ? $"one shard searched for duplicates and the other did not ({pathA})" :
            a.Blocks != b.Blocks ? $"the shards split their rows into {Math.Max(1, a.Blocks)} realisation blocks in {pathA} and {Math.Max(1, b.Blocks)} here (a task had less memory)" : null;
        if (what is not null)
            throw new SpectraException(SpectraErrorKind.InvalidInput, what, pathB, hint: "merge the shards of one `spectra accumulate` run: the same input, options and shard count");
    }

    private static string Options(ShardHeader h) => h.Options.Count == 0 ? "the defaults" : string.Join(", ", h.Options.Select(kv => $"{kv.Key}={kv.Value}"));

    private static string Indices(IReadOnlyList<int> indices) =>
        string.Join(", ", indices.Take(20)) + (indices.Count > 20 ? $", … ({indices.Count - 20} more)" : "");

    private static string? NamesHash(IReadOnlyList<string>? names) =>
        names is null ? null : ContentHash.Of(Encoding.UTF8.GetBytes(string.Join("\n", names)));
}
