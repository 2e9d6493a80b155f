namespace Spectra.LinearAlgebra;

/// <summary>
/// One symmetric tridiagonal matrix under the root-free (Pal–Walker–Kahan) implicitly shifted QL
/// iteration, with its state kept between and within sweeps so that a solver can run one matrix
/// alone or interleave two (<see cref="TridiagonalPairSolver"/>). The iteration works on the squared
/// off-diagonals, so a sweep needs no square roots, only two divisions per step.
/// </summary>
internal sealed class QlLane
{
    private const double Eps2 = 2.220446049250313e-16 * 2.220446049250313e-16;
    private const int MaxSweepsPerEigenvalue = 60;

    public readonly double[] D;
    public readonly double[] E2;
    public int L;
    public int M;
    public int I;
    public int Sweeps;
    public double Sigma, C, S, Gamma, P;

    private QlLane(double[] d, double[] e2)
    {
        D = d;
        E2 = e2;
    }

    /// <summary>A lane over copies of the inputs: e2[i] = e_i² couples d[i] and d[i + 1]; e2[n − 1] = 0 closes the last block.</summary>
    public static QlLane Prepare(ReadOnlySpan<double> diagonal, ReadOnlySpan<double> offDiagonal)
    {
        var n = diagonal.Length;
        if (n == 0) return new QlLane([], []);
        if (offDiagonal.Length < n - 1) throw new ArgumentException("the off-diagonal needs n − 1 entries");
        var e2 = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(diagonal[i]) || (i < n - 1 && !double.IsFinite(offDiagonal[i])))
                throw new SpectraException(SpectraErrorKind.InvalidInput, "the tridiagonal matrix holds a non-finite value", location: $"row {i}");
            if (i < n - 1) e2[i] = offDiagonal[i] * offDiagonal[i];
        }
        return new QlLane(diagonal.ToArray(), e2);
    }

    /// <summary>Remaining steps of the current sweep (i runs from m − 1 down to l).</summary>
    public int Remaining => I - L + 1;

    /// <summary>Runs every sweep to convergence; the eigenvalues are then <see cref="D"/>, unsorted.</summary>
    public void Solve()
    {
        while (Begin())
        {
            Run(Remaining);
            End();
        }
    }

    /// <summary>Deflates converged eigenvalues and sets up the next sweep; false when all have converged.</summary>
    public bool Begin()
    {
        var n = D.Length;
        while (L < n)
        {
            // [L, m] is the unreduced block: E2[m] is the first negligible coupling at or below L.
            var m = L;
            for (; m < n - 1; m++)
            {
                var scale = Math.Abs(D[m]) + Math.Abs(D[m + 1]);
                if (E2[m] <= Eps2 * scale * scale) break;
            }
            if (m == L)
            {
                L++;
                Sweeps = 0;
                continue;
            }
            if (++Sweeps > MaxSweepsPerEigenvalue)
                throw new SpectraException(SpectraErrorKind.Backend, "the tridiagonal QL iteration did not converge",
                    hint: "the matrix holds extreme values");
            // Wilkinson shift: the eigenvalue of the leading 2 × 2 block closer to D[L].
            var rte = Math.Sqrt(E2[L]);
            var g = (D[L + 1] - D[L]) / (2 * rte);
            var root = Math.Sqrt(g * g + 1);
            Sigma = D[L] - rte / (g + (g >= 0 ? root : -root));
            C = 1;
            S = 0;
            Gamma = D[m] - Sigma;
            P = Gamma * Gamma;
            M = m;
            I = m - 1;
            return true;
        }
        return false;
    }

    /// <summary>Closes the sweep that has run all its steps.</summary>
    public void End()
    {
        E2[L] = S * P;
        D[L] = Sigma + Gamma;
    }

    /// <summary>Runs <paramref name="steps"/> steps of the current sweep, from the bottom of the block up, in squared quantities.</summary>
    public void Run(int steps)
    {
        double c = C, s = S, gamma = Gamma, p = P, sigma = Sigma;
        var d = D;
        var e2 = E2;
        var i = I;
        var m = M;
        for (var k = 0; k < steps; k++, i--)
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
        C = c; S = s; Gamma = gamma; P = p; I = i;
    }
}
