using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Spectra.LinearAlgebra;

/// <summary>The fallback when no native LAPACK loads: MathNet.Numerics' managed EVD, the blocked rank-k update where AVX-512 exists, loops elsewhere.</summary>
internal sealed class ManagedBackend : ILinearAlgebraBackend
{
    public static ManagedBackend Instance { get; } = new();

    public BackendInfo Info { get; } = new("managed", "MathNet.Numerics (managed)",
        typeof(Matrix<double>).Assembly.GetName().Version?.ToString(), 1)
    {
        RankKUpdate = BlockedRankKUpdate.IsSupported ? BlockedRankKUpdate.Name : "managed",
    };

    public double[] SymmetricEigenvalues(ReadOnlySpan<double> a, int n)
    {
        if (n == 0) return Array.Empty<double>();
        var m = Symmetrized(a, n);
        var evd = m.Evd(Symmetricity.Symmetric);
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = evd.EigenValues[i].Real;
        Array.Sort(values);
        return values;
    }

    public (double[] Values, double[]? Vectors) SymmetricEigenRange(ReadOnlySpan<double> a, int n, int first, int last, bool vectors)
    {
        CheckRange(n, first, last);
        var evd = Symmetrized(a, n).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, n).OrderBy(i => evd.EigenValues[i].Real).ToArray();
        var k = last - first + 1;
        var values = new double[k];
        double[]? vecs = vectors ? new double[(long)n * k] : null;
        for (var j = 0; j < k; j++)
        {
            var src = order[first + j];
            values[j] = evd.EigenValues[src].Real;
            if (vecs is null) continue;
            for (var i = 0; i < n; i++) vecs[(long)j * n + i] = evd.EigenVectors[i, src];
        }
        return (values, vecs);
    }

    public void SymmetricRankKUpdate(ReadOnlySpan<double> rowsKxN, int k, int n, double alpha, double beta, Span<double> c)
    {
        if (BlockedRankKUpdate.IsSupported)
        {
            BlockedRankKUpdate.Run(rowsKxN, k, n, alpha, beta, c, Environment.ProcessorCount);
            return;
        }
        LoopRankKUpdate(rowsKxN, k, n, alpha, beta, c);
    }

    /// <summary>The rank-k update as plain loops (the reference the blocked kernel is tested against).</summary>
    internal static void LoopRankKUpdate(ReadOnlySpan<double> rowsKxN, int k, int n, double alpha, double beta, Span<double> c)
    {
        // Lower triangle, column-major: c[col * n + row] for row ≥ col.
        for (var col = 0; col < n; col++)
        {
            for (var row = col; row < n; row++)
            {
                double s = 0;
                for (var t = 0; t < k; t++) s += rowsKxN[t * n + row] * rowsKxN[t * n + col];
                var idx = col * n + row;
                c[idx] = (beta == 0 ? 0 : beta * c[idx]) + alpha * s;
            }
        }
    }

    public void MultiplyTransposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int m, int n, int k, double alpha, double beta, Span<double> c)
    {
        for (var i = 0; i < m; i++)
        {
            var ai = a.Slice(i * k, k);
            for (var j = 0; j < n; j++)
            {
                var bj = b.Slice(j * k, k);
                double s = 0;
                for (var t = 0; t < k; t++) s += ai[t] * bj[t];
                var idx = i * n + j;
                c[idx] = (beta == 0 ? 0 : beta * c[idx]) + alpha * s;
            }
        }
    }

    internal static void CheckRange(int n, int first, int last)
    {
        if (first < 0 || last >= n || first > last)
            throw new SpectraException(SpectraErrorKind.InvalidOption,
                $"eigenvalue index range {first}..{last} is outside 0..{n - 1}");
    }

    private static Matrix<double> Symmetrized(ReadOnlySpan<double> a, int n)
    {
        if (a.Length < (long)n * n) throw new ArgumentException("matrix buffer shorter than n*n");
        var m = new DenseMatrix(n, n);
        var data = m.Values; // column-major
        for (var col = 0; col < n; col++)
            for (var row = col; row < n; row++)
            {
                var v = a[col * n + row];
                data[col * n + row] = v;
                data[row * n + col] = v;
            }
        return m;
    }
}
