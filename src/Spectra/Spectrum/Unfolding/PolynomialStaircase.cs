using MathNet.Numerics.LinearAlgebra.Double;

namespace Spectra.Spectrum.Unfolding;

/// <summary>
/// Least-squares polynomial N̄ in λ or ln λ. The variable is mapped to [−1, 1] and expanded in
/// Chebyshev polynomials, so degree 9 stays well conditioned; the fit is solved by QR. Scaling
/// every level by c shifts ln λ (or scales λ) and leaves the mapped variable, hence the unfolding, unchanged.
/// </summary>
internal sealed class PolynomialStaircase : StaircaseFit
{
    private readonly double[] _coefficients;

    private PolynomialStaircase(double lowest, double highest, bool logScale, double[] coefficients)
        : base(lowest, highest, logScale) => _coefficients = coefficients;

    public int Degree => _coefficients.Length - 1;

    /// <summary>Fits N̄(λ_i) ≈ i + 1/2 (the middle of the staircase step at level i, 0-based).</summary>
    public static PolynomialStaircase Fit(IReadOnlyList<double> ascending, int degree, bool logScale)
    {
        var n = ascending.Count;
        var fit = new PolynomialStaircase(ascending[0], ascending[n - 1], logScale, new double[degree + 1]);
        var design = new DenseMatrix(n, degree + 1);
        var target = new DenseVector(n);
        var basis = new double[degree + 1];
        for (var i = 0; i < n; i++)
        {
            fit.Chebyshev(fit.Transform(ascending[i]), basis);
            for (var k = 0; k <= degree; k++) design[i, k] = basis[k];
            target[i] = i + 0.5;
        }
        var solution = design.QR().Solve(target);
        for (var k = 0; k <= degree; k++) fit._coefficients[k] = solution[k];
        return fit;
    }

    private void Chebyshev(double x, double[] basis)
    {
        var t = High > Low ? 2 * (x - Low) / (High - Low) - 1 : 0;
        basis[0] = 1;
        if (basis.Length > 1) basis[1] = t;
        for (var k = 2; k < basis.Length; k++) basis[k] = 2 * t * basis[k - 1] - basis[k - 2];
    }

    protected override double EvaluateTransformed(double x)
    {
        // Clenshaw recurrence for Σ c_k T_k(t).
        var t = High > Low ? 2 * (x - Low) / (High - Low) - 1 : 0;
        double b1 = 0, b2 = 0;
        for (var k = _coefficients.Length - 1; k >= 1; k--)
        {
            var b0 = 2 * t * b1 - b2 + _coefficients[k];
            b2 = b1;
            b1 = b0;
        }
        return t * b1 - b2 + _coefficients[0];
    }
}
