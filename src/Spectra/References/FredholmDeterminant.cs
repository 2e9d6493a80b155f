namespace Spectra.References;

/// <summary>
/// ln det(I − K) of a symmetric integral operator on [a, b] by Bornemann's Nyström method: Gauss–Legendre
/// nodes x_i and weights w_i, the matrix √w_i K(x_i, x_j) √w_j, and the sum of ln(1 − μ) over its eigenvalues μ.
/// Summing logarithms instead of forming the determinant keeps 1 − det(I − K) = −expm1(ln det) exact to
/// relative rounding when K is small (a far tail), where 1 − det would cancel to nothing.
/// </summary>
internal static class FredholmDeterminant
{
    /// <param name="kernel">Fills the symmetric kernel matrix K(x_i, x_j) for the given nodes.</param>
    /// <returns>ln det(I − K); −∞ when an eigenvalue reaches 1 (the determinant is then 0 to the discretisation's precision).</returns>
    public static double LogOfIdentityMinus(double a, double b, int order, Func<double[], double[]> kernel)
    {
        var (x, weights) = GaussLegendreNodes.On(a, b, order);
        var root = weights.Select(Math.Sqrt).ToArray();
        var k = kernel(x);
        var n = x.Length;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) k[i * n + j] *= root[i] * root[j];
        double sum = 0;
        foreach (var mu in ManagedBackend.Instance.SymmetricEigenvalues(k, n))
        {
            if (mu >= 1) return double.NegativeInfinity;
            sum += LogExpNearZero.Log1p(-mu);
        }
        return sum;
    }
}
