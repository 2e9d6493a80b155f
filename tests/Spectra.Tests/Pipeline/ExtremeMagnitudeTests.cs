namespace Spectra.Tests.Pipeline;

/// <summary>
/// Data whose squares over- or underflow double precision (|x| ≈ 1e160, 1e-170) is scaled by a power
/// of two before accumulating: SCIENCE.md §6, scaling X by c changes no ⟨r̃⟩, α or S / ln n.
/// </summary>
public class ExtremeMagnitudeTests
{
    private const int Rows = 400, Cols = 60;

    private static readonly AnalysisOptions Fast = AnalysisOptions.Default with
    {
        PowerLaw = PowerLawOptions.Default with { BootstrapSamples = 0, TailFit = false },
        FiniteSize = FiniteSizeOptions.Default with { Enabled = false },
    };

    private static double[] Data(double c) =>
        GaussianDataSource.Correlated(Rows, Cols, 0.5, 3).ToRowMajor().Select(v => v * c).ToArray();

    private static SpectrumComputation Run(double[] x, int rows = Rows, int cols = Cols, int chunkRows = 0) =>
        SpectrumPipeline.Run(new InMemorySource(x, rows, cols, name: "x.npy"), new SpectrumOptions { Realisations = 0, ChunkRows = chunkRows });

    [Theory]
    [InlineData(1e160)]   // squares overflow (the LAPACK solver used to fail on the infinities)
    [InlineData(1e-170)]  // squares underflow (the spectrum used to be all zeros)
    [InlineData(1e120)]   // scaled, and the eigenvalues (≈ 1e240) still fit a double in the data's units
    [InlineData(3e-110)]
    public void Scaled_data_gives_the_statistics_of_the_unscaled_data(double c)
    {
        var plain = Run(Data(1));
        var scaled = Run(Data(c));
        var a = SpectralAnalysis.Run(plain.Spectrum, Fast);
        var b = SpectralAnalysis.Run(scaled.Spectrum, Fast);
        Assert.Equal(plain.Spectrum.NonZero.Count, scaled.Spectrum.NonZero.Count);
        // c·x rounds each value once (relative 1e-16): the statistics move by round-off only, far below 1e-9.
        Assert.Equal(a.SpacingRatio.Value!.Mean, b.SpacingRatio.Value!.Mean, 1e-9);
        Assert.Equal(a.PowerLaw.Value!.Alpha, b.PowerLaw.Value!.Alpha, 1e-9);
        Assert.Equal(a.Entropy.Value!.All.Normalized, b.Entropy.Value!.All.Normalized, 1e-9);
        Assert.Contains(scaled.Source.Notes, n => n.Contains("multiplied by 2^"));
        var representable = Math.Abs(Math.Log10(c)) < 150;
        Assert.Equal(!representable, scaled.Source.Notes.Any(n => n.Contains("outside double precision")));
        if (representable)
            Assert.True(TestMatrices.MaxRelativeDifference(plain.Spectrum.All, scaled.Spectrum.All.Select(v => v / (c * c)).ToArray()) < 1e-12);
    }

    [Fact]
    public void Data_of_ordinary_magnitude_is_not_rescaled()
    {
        var run = Run(Data(1e20));
        Assert.DoesNotContain(run.Source.Notes, n => n.Contains("multiplied by"));
    }

    [Theory]
    [InlineData(200, 10)] // covariance accumulated chunk by chunk
    [InlineData(8, 20)]   // Gram matrix of the held rows
    public void Values_that_grow_past_double_range_after_the_first_chunk_are_refused_by_name(int rows, int cols)
    {
        var x = TestMatrices.RandomRows(rows, cols, 4);
        for (var i = rows / 2 * cols; i < x.Length; i++) x[i] *= 1e200;
        var e = Assert.Throws<SpectraException>(() => Run(x, rows, cols, chunkRows: rows / 2));
        Assert.Contains("overflows double precision", e.Message);
        Assert.Equal("x.npy", e.File);
        Assert.Contains("divide the data", e.Hint);
    }
}
