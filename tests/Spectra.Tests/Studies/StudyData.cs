namespace Spectra.Tests.Studies;

/// <summary>Synthetic datasets for the study tests.</summary>
internal static class StudyData
{
    /// <summary>
    /// Correlated Gaussian data whose population covariance Q Λ Qᵀ has spectrum i^-(1+α) but is not
    /// diagonal: the rows of <see cref="GaussianDataSource"/> rotated by the orthonormal DCT-II basis,
    /// so that features are correlated (shuffling the columns then destroys the structure).
    /// </summary>
    public static double[] RotatedCgd(int samples, int features, double alpha, int seed)
    {
        var z = GaussianDataSource.Correlated(samples, features, alpha, seed).ToRowMajor();
        var q = Dct(features);
        var x = new double[z.Length];
        for (var r = 0; r < samples; r++)
            for (var k = 0; k < features; k++)
            {
                var zk = z[r * features + k];
                if (zk == 0) continue;
                for (var j = 0; j < features; j++) x[r * features + j] += zk * q[k * features + j];
            }
        return x;
    }

    /// <summary>Orthonormal DCT-II basis, row k = basis vector k.</summary>
    public static double[] Dct(int n)
    {
        var q = new double[n * n];
        for (var k = 0; k < n; k++)
        {
            var c = Math.Sqrt((k == 0 ? 1.0 : 2.0) / n);
            for (var j = 0; j < n; j++) q[k * n + j] = c * Math.Cos(Math.PI * (j + 0.5) * k / n);
        }
        return q;
    }
}
