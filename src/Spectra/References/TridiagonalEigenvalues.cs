namespace Spectra.References;

/// <summary>
/// Eigenvalues of a real symmetric tridiagonal matrix by the implicitly shifted QL algorithm
/// (Wilkinson shift, Givens chase from the bottom of each unreduced block). Eigenvalues only,
/// O(n²) work and O(n) memory: a 4096-level GOE draw in tridiagonal form costs a few tens of
/// milliseconds instead of the seconds a dense eigensolver needs.
/// </summary>
public static class TridiagonalEigenvalues
{
    private const int MaxSweepsPerEigenvalue = 60;

    /// <summary>All eigenvalues, ascending.</summary>
    /// <param name="diagonal">The n diagonal entries (not modified).</param>
    /// <param name="offDiagonal">The n − 1 off-diagonal entries (not modified).</param>
    public static double[] Compute(ReadOnlySpan<double> diagonal, ReadOnlySpan<double> offDiagonal)
    {
        var n = diagonal.Length;
        if (n == 0) return Array.Empty<double>();
        if (offDiagonal.Length < n - 1) throw new ArgumentException("the off-diagonal needs n − 1 entries");
        var d = diagonal.ToArray();
        // e[i] couples d[i] and d[i + 1]; e[n − 1] = 0 closes the last block.
        var e = new double[n];
        offDiagonal[..(n - 1)].CopyTo(e);
        SolveInPlace(d, e);
        Array.Sort(d);
        return d;
    }

    private static void SolveInPlace(double[] d, double[] e)
    {
        var n = d.Length;
        for (var l = 0; l < n; l++)
        {
            var sweeps = 0;
            while (true)
            {
                // Find the first negligible off-diagonal at or below l: [l, m] is an unreduced block.
                var m = l;
                for (; m < n - 1; m++)
                {
                    var scale = Math.Abs(d[m]) + Math.Abs(d[m + 1]);
                    if (Math.Abs(e[m]) <= 2.220446049250313e-16 * scale) break;
                }
                if (m == l) break;
                if (++sweeps > MaxSweepsPerEigenvalue)
                    throw new SpectraException(SpectraErrorKind.Backend, "the tridiagonal QL iteration did not converge",
                        hint: "the matrix holds non-finite or extreme values");

                // Wilkinson shift from the leading 2 × 2 block of [l, m].
                var g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                var r = Hypot(g, 1.0);
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
                double s = 1, c = 1, p = 0;
                var i = m - 1;
                var underflow = false;
                for (; i >= l; i--)
                {
                    var f = s * e[i];
                    var b = c * e[i];
                    r = Hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0)
                    {
                        // The rotation found an exact split: deflate and restart on the smaller block.
                        d[i + 1] -= p;
                        e[m] = 0;
                        underflow = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                }
                if (underflow) continue;
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
        }
    }

    private static double Hypot(double a, double b)
    {
        // Scaled to avoid overflow only when needed; the common case is one multiply-add and a sqrt.
        var aa = Math.Abs(a);
        var bb = Math.Abs(b);
        if (aa < 1e150 && bb < 1e150 && (aa > 1e-150 || bb > 1e-150)) return Math.Sqrt(a * a + b * b);
        var big = Math.Max(aa, bb);
        if (big == 0) return 0;
        var ra = aa / big;
        var rb = bb / big;
        return big * Math.Sqrt(ra * ra + rb * rb);
    }
}
