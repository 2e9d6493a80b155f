namespace Spectra.LinearAlgebra;

/// <summary>
/// The few dense linear-algebra kernels Spectra needs, behind one interface with a native
/// (LAPACK/BLAS) and a managed implementation. Matrices are column-major double arrays, n × n,
/// of which only the lower triangle is read for symmetric inputs (row- and column-major coincide
/// for a symmetric matrix). Inputs are not modified.
/// </summary>
public interface ILinearAlgebraBackend
{
    /// <summary>Name, library and version, as reported in every result.</summary>
    BackendInfo Info { get; }

    /// <summary>All eigenvalues of the symmetric n × n matrix <paramref name="a"/>, ascending.</summary>
    double[] SymmetricEigenvalues(ReadOnlySpan<double> a, int n);

    /// <summary>
    /// As <see cref="SymmetricEigenvalues"/>, for a matrix the caller no longer needs: <paramref name="a"/>
    /// may be overwritten, which spares a copy of n² values.
    /// </summary>
    double[] SymmetricEigenvaluesOverwriting(Span<double> a, int n) => SymmetricEigenvalues(a, n);

    /// <summary>
    /// All eigenvalues of each of several symmetric matrices, each overwritten as by
    /// <see cref="SymmetricEigenvaluesOverwriting(Span{double}, int)"/>; a backend may solve them side by side.
    /// </summary>
    double[][] SymmetricEigenvaluesOverwriting(IReadOnlyList<(double[] Matrix, int Order)> matrices)
    {
        var values = new double[matrices.Count][];
        for (var i = 0; i < values.Length; i++) values[i] = SymmetricEigenvaluesOverwriting(matrices[i].Matrix, matrices[i].Order);
        return values;
    }

    /// <summary>
    /// Eigenvalues with indices <paramref name="first"/> … <paramref name="last"/> (0-based, ascending order)
    /// and, when <paramref name="vectors"/> is true, their eigenvectors as columns of an n × k column-major array.
    /// </summary>
    (double[] Values, double[]? Vectors) SymmetricEigenRange(ReadOnlySpan<double> a, int n, int first, int last, bool vectors);

    /// <summary>
    /// Rank-k update of the lower triangle: C ← β C + α Aᵀ A, with A a row-major k × n block
    /// (k samples of n features) and C n × n column-major. Only the lower triangle of C is defined afterwards.
    /// </summary>
    void SymmetricRankKUpdate(ReadOnlySpan<double> rowsKxN, int k, int n, double alpha, double beta, Span<double> c);

    /// <summary>C ← α A Bᵀ + β C with A (m × k) and B (n × k) row-major and C (m × n) row-major.</summary>
    void MultiplyTransposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int m, int n, int k, double alpha, double beta, Span<double> c);
}
