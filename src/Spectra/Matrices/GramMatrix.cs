using Spectra.LinearAlgebra;

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
        if (samples > maxSamples)
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                $"the Gram matrix of {samples} samples would be {samples} × {samples} (limit {maxSamples})",
                hint: "use the covariance matrix (matrix = covariance), which has the same non-zero spectrum and streams in O(d²) memory, or limit the samples");
        if (samples < 2)
            throw new SpectraException(SpectraErrorKind.NotEnoughData, $"{samples} sample(s) read; a Gram matrix needs at least 2");
        var x = rows[..(samples * features)].ToArray();
        var kept = Enumerable.Range(0, features).ToList();
        var dropped = new List<int>();
        if (options.Center || options.Standardize)
        {
            var mean = new double[features];
            // The variances only standardise: centring alone does not hold a second d-long array.
            var var_ = options.Standardize ? new double[features] : [];
            for (var r = 0; r < samples; r++)
                for (var j = 0; j < features; j++) mean[j] += x[r * features + j];
            for (var j = 0; j < features; j++) mean[j] /= samples;
            if (options.Standardize)
                for (var r = 0; r < samples; r++)
                    for (var j = 0; j < features; j++)
                    {
                        var c = x[r * features + j] - mean[j];
                        var_[j] += c * c;
                    }
            var maxVar = options.Standardize ? var_.Max() : 0;
            for (var r = 0; r < samples; r++)
                for (var j = 0; j < features; j++)
                {
                    var v = options.Center || options.Standardize ? x[r * features + j] - mean[j] : x[r * features + j];
                    if (options.Standardize) v = var_[j] > maxVar * 1e-14 ? v / Math.Sqrt(var_[j] / samples) : 0;
                    x[r * features + j] = v;
                }
            if (options.Standardize)
            {
                dropped = Enumerable.Range(0, features).Where(j => !(var_[j] > maxVar * 1e-14)).ToList();
                kept = Enumerable.Range(0, features).Except(dropped).ToList();
                if (kept.Count == 0)
                    throw new SpectraException(SpectraErrorKind.NotEnoughData, "every feature has zero variance; nothing is left to standardise");
            }
        }
        // Dropped features are zeroed above, so they add nothing to X Xᵀ; d counts the kept ones.
        var g = new double[(long)samples * samples];
        backend.MultiplyTransposed(x, x, samples, samples, features, 1.0 / kept.Count, 0.0, g);
        return (new SymmetricMatrix(samples, g), kept, dropped);
    }
}
