namespace Spectra.Matrices;

/// <summary>The covariance (or correlation) matrix finished from a moment accumulator.</summary>
/// <param name="Matrix">C = XcᵀXc / M (or the raw second moment XᵀX / M without centring; the correlation matrix when standardised).</param>
/// <param name="KeptFeatures">Indices of the original features that are rows/columns of <paramref name="Matrix"/>.</param>
/// <param name="DroppedFeatures">Zero-variance features dropped by standardisation.</param>
internal sealed record CovarianceMatrix(SymmetricMatrix Matrix, long Samples, IReadOnlyList<int> KeptFeatures, IReadOnlyList<int> DroppedFeatures)
{
    /// <summary>Finishes C from the accumulated moments: C = (M2 [+ n μμᵀ]) / n, optionally scaled to a correlation.</summary>
    /// <param name="consume">
    /// Reuse the accumulator's d × d buffer for C instead of allocating a second one (the accumulator is
    /// spent afterwards): this keeps a streaming run within d² plus one chunk of memory.
    /// </param>
    public static CovarianceMatrix From(MomentAccumulator acc, PreprocessOptions options, bool consume = false) =>
        Finish(acc, options, consume, mirror: true);

    /// <summary>
    /// As <see cref="From"/>, with only the lower triangle of <see cref="Matrix"/> filled: all that an
    /// eigensolver reads (LAPACK's uplo = 'L'). Mirroring a 1024 × 1024 matrix costs several milliseconds.
    /// </summary>
    internal static CovarianceMatrix FromLowerTriangle(MomentAccumulator acc, PreprocessOptions options, bool consume) =>
        Finish(acc, options, consume, mirror: false);

    private static CovarianceMatrix Finish(MomentAccumulator acc, PreprocessOptions options, bool consume, bool mirror)
    {
        ArgumentNullException.ThrowIfNull(acc);
        ArgumentNullException.ThrowIfNull(options);
        if (acc.Count < 2)
            throw new SpectraException(SpectraErrorKind.NotEnoughData, $"{acc.Count} sample(s) read; a covariance needs at least 2",
                hint: "point Spectra at more data or lower the sample limit's filters");
        var d = acc.Features;
        var n = (double)acc.Count;
        var full = consume ? acc.Consume() : new double[(long)d * d];
        FinishLower(acc.CoMoment, acc.Mean, d, n, options.Center, full);
        var kept = Enumerable.Range(0, d).ToList();
        var dropped = new List<int>();
        if (options.Standardize)
        {
            // Variance tolerance relative to the largest variance: round-off in a constant feature is not signal.
            var maxVar = 0.0;
            for (var j = 0; j < d; j++) maxVar = Math.Max(maxVar, full[j * d + j]);
            var tol = maxVar * 1e-14;
            kept = kept.Where(j => full[j * d + j] > tol).ToList();
            dropped = Enumerable.Range(0, d).Except(kept).ToList();
            if (kept.Count == 0)
                throw new SpectraException(SpectraErrorKind.NotEnoughData, "every feature has zero variance; nothing is left to standardise");
            var k = kept.Count;
            var corr = new double[(long)k * k];
            for (var c = 0; c < k; c++)
                for (var r = c; r < k; r++)
                {
                    var (i, j) = (kept[r], kept[c]);
                    corr[c * k + r] = full[j * d + i] / Math.Sqrt(full[i * d + i] * full[j * d + j]);
                }
            if (mirror) SymmetricMatrix.MirrorLower(corr, k);
            return new CovarianceMatrix(new SymmetricMatrix(k, corr), acc.Count, kept, dropped);
        }
        if (mirror) SymmetricMatrix.MirrorLower(full, d);
        return new CovarianceMatrix(new SymmetricMatrix(d, full), acc.Count, kept, dropped);
    }

    /// <summary>The lower triangle of (M2 [+ n μμᵀ]) / n (a loop of its own, compiled optimised at once: it runs once, over d²/2 values).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void FinishLower(double[] coMoment, double[] mean, int d, double n, bool center, double[] full)
    {
        for (var col = 0; col < d; col++)
            for (var row = col; row < d; row++)
            {
                var v = coMoment[col * d + row];
                if (!center) v += n * mean[row] * mean[col];
                full[col * d + row] = v / n;
            }
    }
}
