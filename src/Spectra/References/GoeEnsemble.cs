namespace Spectra.References;

/// <summary>
/// The Gaussian orthogonal ensemble. Dense draws H = (A + Aᵀ)/2 with A_ij ~ N(0, 1) (diagonal
/// variance 1, off-diagonal variance 1/2), and the same spectrum from the Dumitriu–Edelman
/// tridiagonal model: diagonal N(0, 1), off-diagonal χ_{n−i}/√2 (i = 1 … n − 1). Both have the
/// semicircle on [−√(2n), √(2n)].
/// </summary>
internal static class GoeEnsemble
{
    /// <summary>A dense n × n GOE matrix, column-major (symmetric, so row-major too).</summary>
    public static double[] DenseMatrix(int n, SeededRandom random)
    {
        CheckSize(n);
        var h = new double[(long)n * n];
        for (var j = 0; j < n; j++)
        {
            h[(long)j * n + j] = random.NextNormal();
            for (var i = j + 1; i < n; i++)
            {
                var v = random.NextNormal() * Math.Sqrt(0.5);
                h[(long)j * n + i] = v;
                h[(long)i * n + j] = v;
            }
        }
        return h;
    }

    /// <summary>The diagonal and off-diagonal of a Dumitriu–Edelman β = 1 tridiagonal draw.</summary>
    public static (double[] Diagonal, double[] OffDiagonal) Tridiagonal(int n, SeededRandom random)
    {
        CheckSize(n);
        var diag = new double[n];
        var off = new double[Math.Max(0, n - 1)];
        for (var i = 0; i < n; i++) diag[i] = random.NextNormal();
        for (var i = 0; i < n - 1; i++) off[i] = random.NextChi(n - 1 - i) * Math.Sqrt(0.5);
        return (diag, off);
    }

    /// <summary>The n eigenvalues of one GOE draw, ascending (tridiagonal model, O(n²)).</summary>
    public static double[] Levels(int n, SeededRandom random)
    {
        var (diag, off) = Tridiagonal(n, random);
        return TridiagonalEigenvalues.Compute(diag, off);
    }

    /// <summary>Two independent draws at once (interleaved solver, ~2× the throughput); identical to two <see cref="Levels"/> calls.</summary>
    public static (double[] First, double[] Second) LevelsPair(int n, SeededRandom first, SeededRandom second) =>
        TridiagonalEigenvalues.ComputePair(Tridiagonal(n, first), Tridiagonal(n, second));

    /// <summary>Radius √(2n) of the semicircle that the levels of an n × n draw fill.</summary>
    public static double SemicircleRadius(int n) => Math.Sqrt(2.0 * n);

    private static void CheckSize(int n)
    {
        if (n < 1) throw new SpectraException(SpectraErrorKind.InvalidOption, $"a GOE matrix needs n ≥ 1 (got {n})");
    }
}
