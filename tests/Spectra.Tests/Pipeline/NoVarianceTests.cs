namespace Spectra.Tests.Pipeline;

/// <summary>
/// A feature that holds one value in every row has no variance; data made only of such features (all
/// samples identical) has no spectrum, not levels made of the round-off of its means.
/// </summary>
public class NoVarianceTests
{
    private static SpectrumComputation Run(double[] x, int rows, int cols, bool standardize = false) =>
        SpectrumPipeline.Run(new InMemorySource(x, rows, cols),
            new SpectrumOptions { Realisations = 0, Preprocess = new Spectra.Matrices.PreprocessOptions { Standardize = standardize } });

    /// <summary>Identical rows whose values (0.1 · k + 1/3) are not sums a mean reproduces exactly.</summary>
    private static double[] IdenticalRows(int rows, int cols) =>
        Enumerable.Range(0, rows).SelectMany(_ => Enumerable.Range(0, cols).Select(j => 0.1 * j + 1.0 / 3)).ToArray();

    [Theory]
    [InlineData(50, 64, false)]   // Gram matrix: used to report one level of ≈ 1e-30
    [InlineData(50, 64, true)]    // standardised: the round-off used to become a correlation matrix
    [InlineData(300, 20, false)]  // covariance
    [InlineData(300, 20, true)]
    public void Identical_samples_have_no_levels_and_an_undetermined_verdict_that_says_why(int rows, int cols, bool standardize)
    {
        var run = Run(IdenticalRows(rows, cols), rows, cols, standardize);
        Assert.Empty(run.Spectrum.NonZero);
        Assert.All(run.Spectrum.All, v => Assert.Equal(0.0, v));
        Assert.Contains(run.Source.Notes, n => n.Contains("no variance"));
        var verdict = SpectralAnalysis.Run(run.Spectrum).Verdict;
        Assert.Equal(Verdict.Undetermined, verdict.Class);
        Assert.Contains("no variance", Assert.Single(verdict.Reasons));
    }

    [Fact]
    public void Constant_features_beside_varying_ones_are_exact_zero_modes()
    {
        const int rows = 300, cols = 12;
        int[] constant = [2, 5, 11];
        var varying = TestMatrices.RandomRows(rows, cols - constant.Length, 6, offset: 1);
        var x = new double[rows * cols];
        for (int r = 0, k; r < rows; r++)
        {
            k = 0;
            for (var j = 0; j < cols; j++) x[r * cols + j] = constant.Contains(j) ? 0.1 * j + 1.0 / 7 : varying[r * (cols - constant.Length) + k++];
        }
        var with = Run(x, rows, cols).Spectrum;
        var without = Run(varying, rows, cols - constant.Length).Spectrum;
        Assert.Equal(constant.Length, with.ZeroModes);
        Assert.True(TestMatrices.MaxRelativeDifference(without.NonZero, with.NonZero) < 1e-12);
        Assert.Equal(constant, Run(x, rows, cols, standardize: true).Spectrum.Provenance.DroppedFeatures);
    }
}
