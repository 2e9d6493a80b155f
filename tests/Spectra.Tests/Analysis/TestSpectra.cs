namespace Spectra.Tests.Analysis;

/// <summary>Spectra for tests: covariance spectra of synthetic data computed directly (C = XcᵀXc/M, native BLAS/LAPACK).</summary>
internal static class TestSpectra
{
    /// <summary>Eigenvalues of the centred covariance of row-major X (M × d), straight from BLAS/LAPACK (the pipeline is tested apart).</summary>
    public static double[] CovarianceEigenvalues(double[] rowMajor, int samples, int features, bool center = true)
    {
        var x = (double[])rowMajor.Clone();
        if (center)
        {
            var mean = new double[features];
            for (var i = 0; i < samples; i++)
                for (var j = 0; j < features; j++) mean[j] += x[(long)i * features + j];
            for (var j = 0; j < features; j++) mean[j] /= samples;
            for (var i = 0; i < samples; i++)
                for (var j = 0; j < features; j++) x[(long)i * features + j] -= mean[j];
        }
        var backend = LinearAlgebraBackends.Get();
        var c = new double[(long)features * features];
        backend.SymmetricRankKUpdate(x, samples, features, 1.0 / samples, 0.0, c);
        return backend.SymmetricEigenvalues(c, features);
    }

    public static EigenSpectrum Covariance(GaussianDataSource source, bool center = true) =>
        new(CovarianceEigenvalues(source.ToRowMajor(), source.Samples, source.Features, center),
            new SpectrumProvenance { Samples = source.Samples, Features = source.Features, Centered = center, Seed = source.Seed });

    /// <summary>A GOE spectrum shifted to positive values (ln-λ unfolding needs positive levels).</summary>
    public static EigenSpectrum ShiftedGoe(int n, int seed)
    {
        var levels = GoeEnsemble.Levels(n, new SeededRandom(seed));
        var shift = 1.5 * GoeEnsemble.SemicircleRadius(n);
        return new EigenSpectrum(levels.Select(v => v + shift));
    }

    public static EigenSpectrum Poisson(int n, int seed) => new(PoissonLevels.Generate(n, new SeededRandom(seed)));

    /// <summary>λ_i = i^-(1+α), i = 1 … n.</summary>
    public static EigenSpectrum PowerLaw(int n, double alpha) =>
        new(Enumerable.Range(1, n).Select(i => Math.Pow(i, -(1 + alpha))));
}
