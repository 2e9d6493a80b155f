using MathNet.Numerics.LinearAlgebra;
using Spectra.Data.Synthetic;
using Spectra.LinearAlgebra;
using Spectra.Spectrum;

namespace Spectra.Tests.Analysis;

/// <summary>Spectra for tests: covariance spectra of synthetic data computed directly (C = XcᵀXc/M, managed EVD).</summary>
internal static class TestSpectra
{
    /// <summary>Eigenvalues of the centred covariance of row-major X (M × d).</summary>
    public static double[] CovarianceEigenvalues(double[] rowMajor, int samples, int features, bool center = true)
    {
        var x = Matrix<double>.Build.Dense(samples, features, (i, j) => rowMajor[(long)i * features + j]);
        if (center)
        {
            for (var j = 0; j < features; j++)
            {
                double mean = 0;
                for (var i = 0; i < samples; i++) mean += x[i, j];
                mean /= samples;
                for (var i = 0; i < samples; i++) x[i, j] -= mean;
            }
        }
        var c = x.TransposeThisAndMultiply(x).Divide(samples);
        return ManagedBackend.Instance.SymmetricEigenvalues(c.AsColumnMajorArray() ?? c.ToColumnMajorArray(), features);
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
