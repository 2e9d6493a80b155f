namespace Spectra.Tests.Data.Images;

public class DataSampleTests
{
    private static string Samples(string name) => Path.Combine(Conformance.ProjectRoot, "data-samples", name);

    [Fact]
    public void Digits_sample_has_500_labelled_8x8_images_with_the_documented_class_counts()
    {
        var s = ImageSource.Open(Samples("digits"));
        Assert.Equal(64, s.Features);
        var labels = s.ReadChunks(128).SelectMany(c => c.Labels!.Take(c.Rows)).ToList();
        Assert.Equal(500, labels.Count);
        var counts = Enumerable.Range(0, 10).Select(d => labels.Count(l => l == d.ToString())).ToArray();
        Assert.Equal(new[] { 51, 52, 50, 53, 49, 50, 51, 50, 46, 48 }, counts);
    }

    [ConformanceFact]
    public void Digits_sample_pixels_are_the_datasets_values_over_16()
    {
        // The dataset's own CSV (from Debian's python3-sklearn, in the conformance folder): 64 pixels then the label.
        using var gz = new GZipStream(File.OpenRead(Conformance.PathOf("datasets", "sklearn-digits", "digits.csv.gz")), CompressionMode.Decompress);
        var rows = new StreamReader(gz).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(',').Select(int.Parse).ToArray()).ToArray();
        var s = ImageSource.Open(Samples("digits"));
        int seen = 0;
        foreach (var c in s.ReadChunks(100))
            for (int r = 0; r < c.Rows; r++)
            {
                int index = int.Parse(Path.GetFileNameWithoutExtension(c.RowIds![r]));
                Assert.Equal(rows[index][64].ToString(), c.Labels![r]);
                for (int j = 0; j < 64; j++) Assert.Equal(rows[index][j] / 16.0, c.Values[r * 64 + j], 1.0 / 510 + 1e-12);
                seen++;
            }
        Assert.Equal(500, seen);
    }

    [Fact]
    public void Fields_sample_has_300_images_centred_at_128_with_spread_40()
    {
        var s = ImageSource.Open(Samples("fields"));
        Assert.Equal(1024, s.Features);
        double sum = 0, sq = 0;
        long n = 0;
        foreach (var c in s.ReadChunks(64))
            for (int i = 0; i < c.Rows * c.Columns; i++)
            {
                sum += c.Values[i];
                sq += c.Values[i] * c.Values[i];
                n++;
            }
        Assert.Equal(300 * 1024, n);
        double mean = sum / n, sd = Math.Sqrt(sq / n - mean * mean);
        // 300 fields of a red spectrum are far from independent pixels: allow a few percent.
        Assert.InRange(mean * 255, 124, 132);
        Assert.InRange(sd * 255, 36, 44);
    }
}
