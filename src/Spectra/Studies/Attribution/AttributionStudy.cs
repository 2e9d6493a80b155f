namespace Spectra.Studies.Attribution;

/// <summary>
/// Traces covariance eigenvectors back to the data: the eigenvectors by index (dsyevr), their inverse
/// participation ratio, the features with the largest components and the samples with the largest
/// scores (projections of the centred rows). Two streaming passes over the source: the first
/// accumulates the covariance, the second projects every row, keeping only the top N per vector,
/// so memory stays d² plus one chunk.
/// </summary>
internal static class AttributionStudy
{
    // The most the kept rows of the top samples may take (64 MB: 10 samples of each of 5 components of a 236 × 236 RGB image).
    private const double MaxKeptRowBytes = 64.0 * (1 << 20);

    public static AttributionResult Run(IDataSource source, AttributionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= AttributionOptions.Default;
        var d = source.Features;
        if (d <= 0) throw new SpectraException(SpectraErrorKind.InvalidInput, "the data has no features (d = 0)", source.Header.Path);
        if (d > options.MaxFeatures)
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                $"attribution builds the {d} × {d} covariance and its eigenvectors, above the limit of {options.MaxFeatures} features",
                source.Header.Path, hint: "reduce the features (resize, gray, select columns) or raise the attribution feature limit");
        var backend = LinearAlgebraBackends.Get(options.Threads);
        var chunkRows = (int)Math.Clamp((16L << 20) / (8L * d), 16, 8192);

        // Pass 1: moments.
        var acc = new MomentAccumulator(d, backend);
        long read = 0;
        foreach (var chunk in source.ReadChunks(chunkRows, null, cancellationToken))
        {
            var (block, rows, _) = UsableWithIndex(chunk, d, options, source, read);
            read += chunk.Rows;
            if (rows > 0) acc.Add(block.AsSpan(0, rows * d), rows);
        }
        if (acc.Count < 2)
            throw new SpectraException(SpectraErrorKind.NotEnoughData, $"{acc.Count} usable sample(s); attribution needs at least 2", source.Header.Path);
        var samples = acc.Count;
        var mean = (double[])acc.Mean.Clone();
        var variance = new double[d];
        for (var j = 0; j < d; j++) variance[j] = samples > 0 ? acc.CoMoment[j * d + j] / samples : 0;
        var cov = CovarianceMatrix.From(acc, options.Preprocess, consume: true);
        var kept = cov.KeptFeatures;
        var k = cov.Matrix.Order;
        var (firstRank, lastRank) = options.Ranks(k);
        var lo = k - lastRank;
        var hi = k - firstRank;
        var (values, vectors) = backend.SymmetricEigenRange(cov.Matrix.Values, k, lo, hi, vectors: true);
        var m = hi - lo + 1;
        double trace = 0;
        for (var j = 0; j < k; j++) trace += cov.Matrix.Values[j * k + j];

        // Vector c (rank firstRank + c) as row c of a row-major m × k array, sign fixed.
        var v = new double[m * k];
        for (var c = 0; c < m; c++)
        {
            var column = hi - lo - c; // ascending storage: the largest eigenvalue is the last column
            var src = vectors!.AsSpan(column * k, k);
            var big = 0;
            for (var j = 1; j < k; j++) if (Math.Abs(src[j]) > Math.Abs(src[big])) big = j;
            var sign = src[big] < 0 ? -1.0 : 1.0;
            for (var j = 0; j < k; j++) v[c * k + j] = sign * src[j];
        }

        // Pass 2: scores of the centred (and, if asked, standardised) rows on each vector.
        var scale = new double[k];
        for (var t = 0; t < k; t++)
            scale[t] = options.Preprocess.Standardize ? 1 / Math.Sqrt(variance[kept[t]]) : 1;
        var center = options.Preprocess.Center;
        var tops = Enumerable.Range(0, m).Select(_ => new TopSamples(options.TopLoadings)).ToArray();
        var image = (source as Data.Images.IImageShaped)?.Shape;
        // The top samples of image input are drawn beside their eigenvector: their rows are kept while they fit a small share of the budget.
        var keepRows = image is not null && 8.0 * m * options.TopLoadings * d <= Math.Min(MaxKeptRowBytes, MemoryBudget.Current.Available / 8.0);
        long seen = 0;
        var reduced = Array.Empty<double>();
        var scores = Array.Empty<double>();
        foreach (var chunk in source.ReadChunks(chunkRows, null, cancellationToken))
        {
            var (block, rows, index) = UsableWithIndex(chunk, d, options, source, seen);
            seen += chunk.Rows;
            if (rows == 0) continue;
            if (reduced.Length < rows * k) reduced = new double[rows * k];
            if (scores.Length < rows * m) scores = new double[rows * m];
            for (var r = 0; r < rows; r++)
                for (var t = 0; t < k; t++)
                {
                    var j = kept[t];
                    reduced[r * k + t] = (block[r * d + j] - (center ? mean[j] : 0)) * scale[t];
                }
            backend.MultiplyTransposed(reduced.AsSpan(0, rows * k), v, rows, m, k, 1, 0, scores.AsSpan(0, rows * m));
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < m; c++)
                {
                    var s = scores[r * m + c];
                    tops[c].Observe(s);
                    if (!tops[c].Admits(s, index[r].Global)) continue;
                    var row = block.AsSpan(r * d, d);
                    tops[c].Add(new TopSamples.Entry(index[r].Global, index[r].Name, s, TopSamples.Hash(row), keepRows ? row.ToArray() : null));
                }
        }

        var components = new List<AttributedComponent>();
        for (var c = 0; c < m; c++)
        {
            var lambda = values[hi - lo - c];
            var component = Describe(firstRank + c, lambda, trace, v.AsSpan(c * k, k), kept, source, tops[c], options, d, samples);
            components.Add(image is null ? component : component with { Vector = OverAllFeatures(v.AsSpan(c * k, k), kept, d) });
        }
        var maxVar = variance.Length == 0 ? 0 : variance.Max();
        var constant = Enumerable.Range(0, d).Where(j => variance[j] <= maxVar * 1e-14).ToList();
        return new AttributionResult(samples, d, trace, components, constant.Count,
            constant.Take(20).Select(j => FeatureName(source, j)).ToArray())
            { ImageSize = image is null ? null : [image.Width, image.Height, image.Channels] };
    }

    /// <summary>The vector over the kept features spread back over all d, 0 where a feature was left out (constant, under --standardize).</summary>
    private static double[] OverAllFeatures(ReadOnlySpan<double> vector, IReadOnlyList<int> kept, int d)
    {
        var all = new double[d];
        for (var t = 0; t < vector.Length; t++) all[kept[t]] = vector[t];
        return all;
    }

    private static AttributedComponent Describe(int rank, double lambda, double trace, ReadOnlySpan<double> vector,
        IReadOnlyList<int> kept, IDataSource source, TopSamples top, AttributionOptions options, int d, long rows)
    {
        double ipr = 0, norm = 0;
        foreach (var x in vector)
        {
            var x2 = x * x;
            norm += x2;
            ipr += x2 * x2;
        }
        ipr /= norm * norm;
        var order = Enumerable.Range(0, vector.Length).ToArray();
        var copy = vector.ToArray();
        Array.Sort(order, (a, b) => Math.Abs(copy[b]).CompareTo(Math.Abs(copy[a])) is var cmp && cmp != 0 ? cmp : a.CompareTo(b));
        var features = order.Take(options.TopLoadings)
            .Select(t => new FeatureLoading(kept[t], FeatureName(source, kept[t]), copy[t])).ToArray();
        var featureShare = features.Sum(f => f.Loading * f.Loading) / norm;
        var entries = top.Sorted();
        var samples = entries.Select(e => new SampleScore(e.Index, e.Name, e.Score) { Pixels = e.Row }).ToArray();
        var sampleShare = top.SumOfSquares > 0 ? entries.Sum(e => e.Score * e.Score) / top.SumOfSquares : 0;
        var identical = entries.GroupBy(e => e.RowHash).Where(g => g.Count() > 1).Sum(g => g.Count());

        var notes = new List<string>();
        var inv = CultureInfo.InvariantCulture;
        if (identical >= 2)
            notes.Add(string.Format(inv, "{0} of the top {1} samples are exact copies of one another (duplicated rows)", identical, entries.Count));
        if (featureShare >= 0.9 && features.Length < d)
            notes.Add(string.Format(inv, "localised on a few features: {0:P0} of the vector lies on its top {1} (about {2:F0} participate)",
                featureShare, features.Length, 1 / ipr));
        if (sampleShare >= 0.5 && entries.Count < rows)
            notes.Add(string.Format(inv, "the top {0} samples carry {1:P0} of the variance along this direction", entries.Count, sampleShare));
        return new AttributedComponent(rank, lambda, trace > 0 ? lambda / trace : 0, ipr, 1 / ipr, featureShare, sampleShare,
            identical, features, samples, notes);
    }

    private static string FeatureName(IDataSource source, int j) =>
        source.FeatureNames is { } names && j < names.Count ? names[j] : $"feature {j}";

    /// <summary>The chunk's rows without non-finite ones (dropped by policy, or an error naming the row).</summary>
    private static (double[] Block, int Rows, (long Global, string Name)[] Index) UsableWithIndex(RowChunk chunk, int d,
        AttributionOptions options, IDataSource source, long before)
    {
        if (chunk.Columns != d)
            throw new SpectraException(SpectraErrorKind.InvalidInput,
                $"a chunk has {chunk.Columns} values per row where {d} were expected (ragged rows)", source.Header.Path);
        var block = new double[chunk.Rows * d];
        var index = new List<(long, string)>(chunk.Rows);
        var rows = 0;
        for (var r = 0; r < chunk.Rows; r++)
        {
            var row = chunk.Row(r);
            var bad = -1;
            for (var j = 0; j < d && bad < 0; j++) if (!double.IsFinite(row[j])) bad = j;
            if (bad >= 0)
            {
                if (options.Preprocess.NonFinite == NonFinitePolicy.DropRow) continue;
                throw new SpectraException(SpectraErrorKind.InvalidInput,
                    $"{(double.IsNaN(row[bad]) ? "NaN" : "an infinite value")} in {chunk.RowName(r, before + r)}, {FeatureName(source, bad)}",
                    source.Header.Path, $"sample {before + r}", "clean the data, or drop such rows with the non-finite policy 'drop-row'");
            }
            row.CopyTo(block.AsSpan(rows * d, d));
            index.Add((before + r, chunk.RowName(r, before + r)));
            rows++;
        }
        return (block, rows, index.ToArray());
    }
}
