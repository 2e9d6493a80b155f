namespace Spectra.Spectrum.Unfolding;

/// <summary>
/// Unfolds levels: fits a smooth staircase N̄, maps ε_i = N̄(λ_i), drops <see cref="UnfoldingOptions.TrimFraction"/>
/// of the levels at each end and rescales the spacings to mean 1.
/// </summary>
internal static class Unfolder
{
    /// <summary>Fewest levels the unfolding accepts.</summary>
    public const int MinimumLevels = 8;

    /// <summary>Fits the smooth staircase alone (used to map reference levels onto this density).</summary>
    public static StaircaseFit FitStaircase(IReadOnlyList<double> ascending, UnfoldingOptions options, out int degreeUsed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        CheckLevels(ascending, options.Method);
        degreeUsed = 0;
        switch (options.Method)
        {
            case UnfoldingMethod.GaussianKernel:
                return KernelStaircase.Fit(ascending, options.KernelBandwidthLevels);
            default:
                // Keep at least four levels per coefficient so a short spectrum is not over-fitted.
                degreeUsed = Math.Max(1, Math.Min(options.Degree, ascending.Count / 4 - 1));
                return PolynomialStaircase.Fit(ascending, degreeUsed, options.Method == UnfoldingMethod.PolynomialLogLambda);
        }
    }

    public static UnfoldedLevels Unfold(IReadOnlyList<double> ascending, UnfoldingOptions options)
    {
        var fit = FitStaircase(ascending, options, out var degree);
        var n = ascending.Count;
        var unfolded = new double[n];
        double residual = 0;
        for (var i = 0; i < n; i++)
        {
            unfolded[i] = fit.Evaluate(ascending[i]);
            var r = unfolded[i] - (i + 0.5);
            residual += r * r;
        }
        var trim = (int)Math.Floor(options.TrimFraction * n);
        if (n - 2 * trim < 3) trim = Math.Max(0, (n - 3) / 2);
        var kept = unfolded[trim..(n - trim)];
        var spacings = new double[kept.Length - 1];
        double sum = 0;
        var negative = 0;
        for (var i = 0; i < spacings.Length; i++)
        {
            spacings[i] = kept[i + 1] - kept[i];
            sum += spacings[i];
            if (spacings[i] < 0) negative++;
        }
        var mean = sum / spacings.Length;
        if (mean > 0)
            for (var i = 0; i < spacings.Length; i++) spacings[i] /= mean;
        var diagnostics = new UnfoldingDiagnostics(options.Method, degree, n, trim, mean, Math.Sqrt(residual / n), negative);
        return new UnfoldedLevels(kept, spacings, diagnostics);
    }

    private static void CheckLevels(IReadOnlyList<double> ascending, UnfoldingMethod method)
    {
        ArgumentNullException.ThrowIfNull(ascending);
        if (ascending.Count < MinimumLevels)
            throw new SpectraException(SpectraErrorKind.NotEnoughData,
                $"unfolding needs at least {MinimumLevels} levels (got {ascending.Count})", hint: "use a larger matrix or less bulk trimming");
        for (var i = 0; i < ascending.Count; i++)
        {
            var v = ascending[i];
            if (!double.IsFinite(v) || (i > 0 && v < ascending[i - 1]))
                throw new SpectraException(SpectraErrorKind.InvalidInput, "unfolding needs finite levels in ascending order", location: $"level {i}");
            if (method != UnfoldingMethod.PolynomialLambda && v <= 0)
                throw new SpectraException(SpectraErrorKind.InvalidInput, $"unfolding in ln λ needs positive levels (level {i} is {v})",
                    hint: "use the polynomial-in-λ unfolding for spectra with negative levels");
        }
        if (ascending[^1] <= ascending[0])
            throw new SpectraException(SpectraErrorKind.InvalidInput, "all levels are equal: there is nothing to unfold");
    }
}
