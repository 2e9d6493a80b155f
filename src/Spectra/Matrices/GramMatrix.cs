namespace Spectra.Matrices;

/// <summary>
/// The sample–sample Gram matrix G = Xc Xcᵀ / d of rows held in memory. It is M × M, so it is
/// only built up to <see cref="DefaultMaxSamples"/> samples; past that the covariance (d × d,
/// streaming) is the matrix to use.
/// </summary>
internal static class GramMatrix
{
    /// <summary>16 384 samples: a 2 GiB matrix whose eigenvalues take minutes; larger M belongs to the covariance.</summary>
    public const int DefaultMaxSamples = 16_384;

    /// <summary>Builds G from row-major rows (M × d), centring and standardising each feature as the options say.</summary>
    /// <returns>The matrix and the features kept (standardisation drops zero-variance ones).</returns>
    public static (SymmetricMatrix Matrix, IReadOnlyList<int> KeptFeatures, IReadOnlyList<int> DroppedFeatures) From(
        ReadOnlySpan<double> rows, int samples, int features, PreprocessOptions options, ILinearAlgebraBackend backend,
        int maxSamples = DefaultMaxSamples)
    {
        CheckSamples(samples, maxSamples);
        return InPlace(rows[..(samples * features)].ToArray(), samples, features, options, backend, maxSamples);
    }

    /// <summary>
    /// As <see cref="From"/>, from rows the caller gives up: they are centred (and standardised) where they are,
    /// so a Gram matrix of large rows (two 10⁸-pixel images) costs no second copy of them.
    /// </summary>
    public static (SymmetricMatrix Matrix, IReadOnlyList<int> KeptFeatures, IReadOnlyList<int> DroppedFeatures) InPlace(
        double[] x, int samples, int features, PreprocessOptions options, ILinearAlgebraBackend backend,
        int maxSamples = DefaultMaxSamples)
    {
        CheckSamples(samples, maxSamples);
        IReadOnlyList<int> kept = new IndexRange(features);
        IReadOnlyList<int> dropped = [];
        if (options.Center || options.Standardize)
        {
            // The variances only standardise: centring alone holds no d-long array.
            var variance = options.Standardize ? new double[features] : [];
            Centre(x, samples, features, variance);
            if (options.Standardize)
            {
                var keptList = Standardise(x, samples, features, variance, out var droppedList);
                if (keptList.Count == 0)
                    throw new SpectraException(SpectraErrorKind.NotEnoughData, "every feature has zero variance; nothing is left to standardise");
                if (droppedList.Count > 0) (kept, dropped) = (keptList, droppedList);
            }
        }
        // Dropped features are zeroed above, so they add nothing to X Xᵀ; d counts the kept ones.
        var g = new double[(long)samples * samples];
        backend.MultiplyTransposed(x, x, samples, samples, features, 1.0 / kept.Count, 0.0, g);
        return (new SymmetricMatrix(samples, g), kept, dropped);
    }

    private static void CheckSamples(int samples, int maxSamples)
    {
        if (samples > maxSamples)
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                $"the Gram matrix of {samples} samples would be {samples} × {samples} (limit {maxSamples})",
                hint: "use the covariance matrix (matrix = covariance), which has the same non-zero spectrum and streams in O(d²) memory, or limit the samples");
        if (samples < 2)
            throw new SpectraException(SpectraErrorKind.NotEnoughData, $"{samples} sample(s) read; a Gram matrix needs at least 2");
    }

    /// <summary>
    /// Subtracts each feature's mean, a tile of features at a time (the means of one tile live on the stack), and
    /// sums the squares of the centred values into <paramref name="variance"/> when it is not empty.
    /// </summary>
    private static void Centre(double[] x, int samples, int features, double[] variance)
    {
        const int Tile = 2048;
        Span<double> mean = stackalloc double[Tile];
        for (var j0 = 0; j0 < features; j0 += Tile)
        {
            var width = Math.Min(Tile, features - j0);
            var m = mean[..width];
            m.Clear();
            for (var r = 0; r < samples; r++) TensorPrimitives.Add(m, x.AsSpan(r * features + j0, width), m);
            TensorPrimitives.Divide(m, samples, m);
            if (variance.Length > 0)
                for (var r = 0; r < samples; r++)
                {
                    var row = x.AsSpan(r * features + j0, width);
                    for (var j = 0; j < width; j++)
                    {
                        var c = row[j] - m[j];
                        variance[j0 + j] += c * c;
                    }
                }
            for (var r = 0; r < samples; r++)
            {
                var row = x.AsSpan(r * features + j0, width);
                TensorPrimitives.Subtract(row, m, row);
            }
        }
    }

    /// <summary>Divides each centred feature by its standard deviation; one with no variance (relative to the largest) is zeroed and dropped.</summary>
    private static List<int> Standardise(double[] x, int samples, int features, double[] variance, out List<int> dropped)
    {
        var maxVar = variance.Max();
        dropped = Enumerable.Range(0, features).Where(j => !(variance[j] > maxVar * 1e-14)).ToList();
        for (var r = 0; r < samples; r++)
        {
            var row = x.AsSpan(r * features, features);
            for (var j = 0; j < features; j++)
                row[j] = variance[j] > maxVar * 1e-14 ? row[j] / Math.Sqrt(variance[j] / samples) : 0;
        }
        return Enumerable.Range(0, features).Except(dropped).ToList();
    }
}
