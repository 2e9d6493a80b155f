namespace Spectra.Tests.Pipeline;

/// <summary>The whole rows → matrix → eigenvalues path against numpy, an independent implementation.</summary>
public class NumpyAgreementTests
{
    [NumpyFact]
    public void Covariance_spectrum_matches_numpy()
    {
        const int rows = 700, cols = 48;
        var x = TestMatrices.RandomRows(rows, cols, 31, scale: 3, offset: 50);
        var ours = SpectrumPipeline.Run(new InMemorySource(x, rows, cols),
            new SpectrumOptions { Matrix = MatrixRequest.Covariance, Realisations = 0, ChunkRows = 128 }).Spectrum.All;
        var numpy = NumpyReference.Run(x, rows, cols,
            "for v in np.linalg.eigvalsh(np.cov(X, rowvar=False, bias=True)): print(repr(float(v)))");
        Assert.True(TestMatrices.MaxRelativeDifference(ours, numpy) < 1e-10);
    }

    [NumpyFact]
    public void Correlation_spectrum_matches_numpy_corrcoef()
    {
        const int rows = 300, cols = 20;
        var x = TestMatrices.RandomRows(rows, cols, 32);
        for (var r = 0; r < rows; r++) x[r * cols + 3] = 1.5 * x[r * cols + 1] + 0.1 * x[r * cols + 3] * 1000;
        var ours = SpectrumPipeline.Run(new InMemorySource(x, rows, cols), new SpectrumOptions
        {
            Matrix = MatrixRequest.Covariance, Realisations = 0, Preprocess = new PreprocessOptions { Standardize = true },
        }).Spectrum.All;
        var numpy = NumpyReference.Run(x, rows, cols,
            "for v in np.linalg.eigvalsh(np.corrcoef(X, rowvar=False)): print(repr(float(v)))");
        Assert.True(TestMatrices.MaxRelativeDifference(ours, numpy) < 1e-10);
    }

    [NumpyFact]
    public void Gram_spectrum_matches_numpy()
    {
        const int rows = 40, cols = 90;
        var x = TestMatrices.RandomRows(rows, cols, 33, offset: -2);
        var ours = SpectrumPipeline.Run(new InMemorySource(x, rows, cols),
            new SpectrumOptions { Matrix = MatrixRequest.Gram, Realisations = 0 }).Spectrum.All;
        var numpy = NumpyReference.Run(x, rows, cols,
            "Xc = X - X.mean(axis=0)\nfor v in np.linalg.eigvalsh(Xc @ Xc.T / X.shape[1]): print(repr(float(v)))");
        // numpy's exact zero mode comes out as ±1e-15 noise; compare with an absolute floor.
        Assert.Equal(numpy.Length, ours.Count);
        var scale = numpy.Max();
        for (var i = 0; i < numpy.Length; i++) Assert.True(Math.Abs(ours[i] - numpy[i]) <= 1e-10 * scale, $"level {i}: {ours[i]} vs {numpy[i]}");
    }
}
