namespace Spectra.Pipeline;

/// <summary>
/// The non-zero eigenvalues of M·C and d·G coincide, so λ_C = λ_G · d / M; the requested matrix's
/// remaining eigenvalues are exact zeros.
/// </summary>
internal static class GramCovarianceConversion
{
    /// <param name="values">Eigenvalues of the <paramref name="computed"/> matrix, ascending.</param>
    public static double[] Convert(double[] values, MatrixKind computed, MatrixKind requested, long samples, int features)
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
}
