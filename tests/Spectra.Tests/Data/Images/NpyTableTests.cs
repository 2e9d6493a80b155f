using System.Globalization;

namespace Spectra.Tests.Data.Images;

/// <summary>
/// A two-dimensional .npy given as the input is M samples × d features, the way numpy and scikit-learn
/// users save a table; inside an image folder, and in single-image mode, it stays one H × W image.
/// </summary>
public class NpyTableTests
{
    private const int Rows = 300, Columns = 12;

    /// <summary>Correlated rows: a fixed mixing of independent normals, so the covariance has distinct eigenvalues.</summary>
    private static double[] Table()
    {
        var random = new Random(7);
        var x = new double[Rows * Columns];
        for (var i = 0; i < Rows; i++)
        {
            var z = Enumerable.Range(0, Columns).Select(_ => random.NextDouble() - 0.5).ToArray();
            for (var j = 0; j < Columns; j++) x[i * Columns + j] = z[j] * (j + 1) + 0.5 * z[(j + 1) % Columns];
        }
        return x;
    }

    [NumpyFact]
    public void A_two_dimensional_npy_is_a_table_whose_covariance_spectrum_is_numpys()
    {
        foreach (var dtype in new[] { "<f8", "<f4" })
        {
            var path = Path.Combine(Path.GetTempPath(), $"spectra-table-{Guid.NewGuid():N}.npy");
            try
            {
                // numpy writes the file and computes the reference from what it wrote (float32 rounding included);
                // bias=True: C = Xcᵀ Xc / M (SCIENCE.md), numpy's default divides by M − 1.
                var expected = NumpyReference.Run(Table(), Rows, Columns,
                    $"Y = X.astype('{dtype}')\nnp.save(r'{path}', Y)\n" +
                    "for v in np.linalg.eigvalsh(np.cov(Y.astype('<f8'), rowvar=False, bias=True)): print(repr(float(v)))\n");
                var request = AnalysisRequest.Default with { Matrix = MatrixRequest.Covariance };
                var source = request.Open(path);
                Assert.Equal(Columns, source.Features);
                var spectrum = Job.Analyze(source, request).Computation.Spectrum.All;
                Assert.Equal(Columns, spectrum.Count);
                // Both are double-precision eigensolvers of the same 12 × 12 matrix; the smallest eigenvalue is ~1e-2 of the largest.
                for (var k = 0; k < Columns; k++)
                    Assert.True(Math.Abs(spectrum[k] - expected[k]) <= 1e-10 * expected[^1],
                        $"{dtype} eigenvalue {k}: {spectrum[k].ToString("R", CultureInfo.InvariantCulture)} vs numpy {expected[k].ToString("R", CultureInfo.InvariantCulture)}");
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [NumpyFact]
    public void A_two_dimensional_npy_stays_one_image_in_a_folder_and_in_single_image_mode()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"spectra-npy-images-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            NumpyReference.Run(Table(), Rows, Columns,
                $"np.save(r'{folder}/a.npy', X[:8, :8])\nnp.save(r'{folder}/b.npy', X[8:16, :8])\nprint(0)\n");
            var folderSource = AnalysisRequest.Default.Open(folder);
            Assert.Equal(64, folderSource.Features);
            Assert.Equal(2, RowCount(folderSource));

            var single = AnalysisRequest.Default.OpenImages(Path.Combine(folder, "a.npy"));
            Assert.Equal(64, single.Features);
            var table = AnalysisRequest.Default.Open(Path.Combine(folder, "a.npy"));
            Assert.Equal(8, table.Features);
            Assert.Equal(8, RowCount(table));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [NumpyFact]
    public void Image_options_are_refused_for_a_table_by_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"spectra-table-{Guid.NewGuid():N}.npy");
        try
        {
            NumpyReference.Run(Table(), Rows, Columns, $"np.save(r'{path}', X)\nprint(0)\n");
            var e = Assert.Throws<SpectraException>(() => (AnalysisRequest.Default with { Resize = (4, 4) }).Open(path));
            Assert.StartsWith("resize does not apply", e.Reason);
            Assert.Contains("two-dimensional", e.Reason);
            Assert.Equal(Columns, AnalysisRequest.Default.Open(path).Features);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int RowCount(IDataSource source) => source.ReadChunks(1024).Sum(c => c.Rows);
}
