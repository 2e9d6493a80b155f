namespace Spectra.LinearAlgebra;

/// <summary>
/// Eigenvalues of a real symmetric tridiagonal matrix by the root-free (Pal–Walker–Kahan) variant of
/// the implicitly shifted QL algorithm: it works on the squared off-diagonals, so a sweep needs no
/// square roots, only two divisions per step. Eigenvalues only, O(n²) work and O(n) memory:
/// a 4096-level GOE draw in tridiagonal form costs ~0.1 s on one core instead of the many seconds
/// a dense eigensolver needs.
/// </summary>
public static class TridiagonalEigenvalues
{
    private const int MaxSweepsPerEigenvalue = 60;
    private const double Eps2 = 2.220446049250313e-16 * 2.220446049250313e-16;

    /// <summary>All eigenvalues, ascending.</summary>
    /// <param name="diagonal">The n diagonal entries (not modified).</param>
    /// <param name="offDiagonal">The n − 1 off-diagonal entries (not modified).</param>
    public static double[] Compute(ReadOnlySpan<double> diagonal, ReadOnlySpan<double> offDiagonal)
    {
        var n = diagonal.Length;
        if (n == 0) return Array.Empty<double>();
        if (offDiagonal.Length < n - 1) throw new ArgumentException("the off-diagonal needs n − 1 entries");
        var d = diagonal.ToArray();
        // e2[i] = e_i², coupling d[i] and d[i + 1]; e2[n − 1] = 0 closes the last block.
        var e2 = new double[n];
        for (var i = 0; i < n - 1; i++)
        {
            if (!double.IsFinite(offDiagonal[i]) || !double.IsFinite(d[i]))
                throw new SpectraException(SpectraErrorKind.InvalidInput, "the tridiagonal matrix holds a non-finite value", location: $"row {i}");
            e2[i] = offDiagonal[i] * offDiagonal[i];
        }
        if (!double.IsFinite(d[n - 1])) throw new SpectraException(SpectraErrorKind.InvalidInput, "the tridiagonal matrix holds a non-finite value", location: $"row {n - 1}");
        SolveInPlace(d, e2);
        Array.Sort(d);
        return d;
    }

    /// <summary>
    /// The eigenvalues of two tridiagonal matrices at once, their QL sweeps interleaved in one loop for
    /// instruction-level parallelism; bit-identical to two calls of <see cref="Compute"/>.
    /// </summary>
    public static (double[] First, double[] Second) ComputePair((double[] Diagonal, double[] OffDiagonal) first,
        (double[] Diagonal, double[] OffDiagonal) second) => TridiagonalPairSolver.Compute(first, second);

    private static void SolveInPlace(double[] d, double[] e2)
    {
        var n = d.Length;
        for (var l = 0; l < n; l++)
        {
            var sweeps = 0;
            while (true)
            {
                // [l, m] is the unreduced block: e2[m] is the first negligible coupling at or below l.
                var m = l;
                for (; m < n - 1; m++)
                {
                    var scale = Math.Abs(d[m]) + Math.Abs(d[m + 1]);
                    if (e2[m] <= Eps2 * scale * scale) break;
                }
                if (m == l) break;
                if (++sweeps > MaxSweepsPerEigenvalue)
                    throw new SpectraException(SpectraErrorKind.Backend, "the tridiagonal QL iteration did not converge",
                        hint: "the matrix holds extreme values");

                // Wilkinson shift: the eigenvalue of the leading 2 × 2 block closer to d[l].
                var rte = Math.Sqrt(e2[l]);
                var g = (d[l + 1] - d[l]) / (2 * rte);
                var root = Math.Sqrt(g * g + 1);
                var sigma = d[l] - rte / (g + (g >= 0 ? root : -root));

                // One implicit QL sweep from the bottom of the block, carried in squared quantities.
                double c = 1, s = 0;
                var gamma = d[m] - sigma;
                var p = gamma * gamma;
                for (var i = m - 1; i >= l; i--)
                {
                    var bb = e2[i];
                    var r = p + bb;
                    if (i != m - 1) e2[i + 1] = s * r;
                    var oldC = c;
                    var inverse = 1 / r;
                    c = p * inverse;
                    s = bb * inverse;
                    var oldGamma = gamma;
                    var alpha = d[i];
                    gamma = c * (alpha - sigma) - s * oldGamma;
                    d[i + 1] = oldGamma + (alpha - gamma);
                    p = c != 0 ? gamma * gamma / c : oldC * bb;
                }
                e2[l] = s * p;
                d[l] = sigma + gamma;
            }
        }
    }
}
