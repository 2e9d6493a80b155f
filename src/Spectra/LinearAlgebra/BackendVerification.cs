namespace Spectra.LinearAlgebra;

/// <summary>
/// The start-up check a native library must pass before it is used: a mismatched ABI (an ILP64
/// build, a broken install) returns garbage rather than failing, so each kernel is run once on an
/// input whose answer is known in closed form.
/// </summary>
internal static class BackendVerification
{
    private const int N = 8;

    /// <summary>Null when the backend is correct; otherwise what went wrong.</summary>
    public static string? Verify(ILinearAlgebraBackend backend)
    {
        try
        {
            // The second-difference matrix tridiag(-1, 2, -1) has eigenvalues 2 − 2 cos(kπ/(n+1)).
            var a = new double[N * N];
            for (var i = 0; i < N; i++)
            {
                a[i * N + i] = 2;
                if (i + 1 < N) { a[i * N + i + 1] = -1; a[(i + 1) * N + i] = -1; }
            }
            var w = backend.SymmetricEigenvalues(a, N);
            for (var k = 1; k <= N; k++)
            {
                var expected = 2 - 2 * Math.Cos(k * Math.PI / (N + 1));
                if (w.Length != N || Math.Abs(w[k - 1] - expected) > 1e-12)
                    return $"dsyevd gave {(w.Length == N ? w[k - 1] : double.NaN):R} for eigenvalue {k}, expected {expected:R}";
            }
            var (top, _) = backend.SymmetricEigenRange(a, N, N - 2, N - 1, vectors: false);
            if (Math.Abs(top[1] - (2 - 2 * Math.Cos(N * Math.PI / (N + 1)))) > 1e-12)
                return "dsyevr gave a wrong largest eigenvalue";

            // Rows (1,2,3) and (4,5,6): XᵀX lower triangle is known.
            var rows = new double[] { 1, 2, 3, 4, 5, 6 };
            var c = new double[9];
            backend.SymmetricRankKUpdate(rows, 2, 3, 1.0, 0.0, c);
            if (c[0] != 17 || c[1] != 22 || c[2] != 27 || c[4] != 29 || c[5] != 36 || c[8] != 45)
                return "dsyrk gave a wrong rank-k update";

            var prod = new double[4];
            backend.MultiplyTransposed(rows, rows, 2, 2, 3, 1.0, 0.0, prod);
            if (prod[0] != 14 || prod[1] != 32 || prod[2] != 32 || prod[3] != 77)
                return "dgemm gave a wrong product";
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }
}
