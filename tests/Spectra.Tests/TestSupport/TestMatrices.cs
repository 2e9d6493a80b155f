namespace Spectra.Tests.TestSupport;

/// <summary>Seeded test data: random rows and symmetric matrices with prescribed structure.</summary>
public static class TestMatrices
{
    public static double[] RandomRows(int rows, int cols, int seed, double scale = 1, double offset = 0)
    {
        var rng = new Random(seed);
        var x = new double[rows * cols];
        for (var i = 0; i < x.Length; i++) x[i] = offset + scale * Gaussian(rng);
        return x;
    }

    public static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A random symmetric matrix (column-major, both triangles).</summary>
    public static double[] RandomSymmetric(int n, int seed)
    {
        var rng = new Random(seed);
        var a = new double[n * n];
        for (var c = 0; c < n; c++)
            for (var r = c; r < n; r++)
                a[c * n + r] = a[r * n + c] = Gaussian(rng);
        return a;
    }

    /// <summary>Q diag(values) Qᵀ with Q a random orthogonal matrix (a product of Householder reflections).</summary>
    public static double[] WithSpectrum(double[] values, int seed)
    {
        var n = values.Length;
        var a = new double[n * n];
        for (var i = 0; i < n; i++) a[i * n + i] = values[i];
        var rng = new Random(seed);
        for (var h = 0; h < 3; h++)
        {
            var v = new double[n];
            for (var i = 0; i < n; i++) v[i] = Gaussian(rng);
            var norm = Math.Sqrt(v.Sum(x => x * x));
            for (var i = 0; i < n; i++) v[i] /= norm;
            // A ← H A H with H = I − 2 v vᵀ
            var av = new double[n];
            for (var r = 0; r < n; r++) { double s = 0; for (var c = 0; c < n; c++) s += a[c * n + r] * v[c]; av[r] = s; }
            var vav = 0.0;
            for (var i = 0; i < n; i++) vav += v[i] * av[i];
            for (var c = 0; c < n; c++)
                for (var r = 0; r < n; r++)
                    a[c * n + r] += -2 * av[r] * v[c] - 2 * v[r] * av[c] + 4 * vav * v[r] * v[c];
        }
        return a;
    }

    /// <summary>Direct two-pass covariance (row-major rows), the formula the accumulator must match.</summary>
    public static double[] TwoPassCovariance(double[] x, int rows, int cols)
    {
        var mean = new double[cols];
        for (var r = 0; r < rows; r++) for (var j = 0; j < cols; j++) mean[j] += x[r * cols + j];
        for (var j = 0; j < cols; j++) mean[j] /= rows;
        var c = new double[cols * cols];
        for (var r = 0; r < rows; r++)
            for (var i = 0; i < cols; i++)
            {
                var xi = x[r * cols + i] - mean[i];
                for (var j = 0; j <= i; j++) c[j * cols + i] += xi * (x[r * cols + j] - mean[j]);
            }
        for (var i = 0; i < cols; i++) for (var j = 0; j <= i; j++) { c[j * cols + i] /= rows; c[i * cols + j] = c[j * cols + i]; }
        return c;
    }

    public static double MaxRelativeDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        Assert.Equal(a.Count, b.Count);
        var scale = Math.Max(a.Max(Math.Abs), b.Max(Math.Abs));
        var worst = 0.0;
        for (var i = 0; i < a.Count; i++) worst = Math.Max(worst, Math.Abs(a[i] - b[i]) / scale);
        return worst;
    }
}
