namespace Spectra.Tests.Data.Images;

/// <summary>
/// Real photos and sample images (Kodak, scikit-image) against PIL's independent PNG decoder: the decode,
/// brought to 8-bit RGBA the way PIL's convert("RGBA") does (gray replicated, levels of 1/2/4-bit images
/// scaled to 0..255, opaque where there is no alpha), must hash to PIL's (tools/fixtures/images/make_png_oracle.py).
/// </summary>
public class PngPilOracleTests
{
    [ConformanceFact]
    public void Photos_and_sample_images_decode_exactly_as_pil_decodes_them()
    {
        var failures = new List<string>();
        var lines = File.ReadAllLines(TestData.PathOf("pil_png_oracle.tsv")).Where(l => l.Length > 0).ToList();
        foreach (var line in lines)
        {
            var f = line.Split('\t');
            var im = new PngCodec().Decode(File.ReadAllBytes(Conformance.PathOf(f[0].Split('/'))), ImageDecodeLimits.Default);
            if ((im.Width, im.Height) != (int.Parse(f[1]), int.Parse(f[2]))) { failures.Add($"{f[0]}: size {im.Width}×{im.Height}"); continue; }
            var rgba = new byte[im.Width * im.Height * 4];
            for (int p = 0; p < im.Width * im.Height; p++)
            for (int c = 0; c < 4; c++)
            {
                int v = c == 3
                    ? (im.HasAlpha ? im.Samples![p * im.Channels + im.Channels - 1] : im.MaxValue)
                    : im.Samples![p * im.Channels + (im.IsColor ? c : 0)];
                rgba[4 * p + c] = (byte)((v * 255 + im.MaxValue / 2) / im.MaxValue);
            }
            var sha = TestData.Sha256(rgba);
            if (sha != f[3]) failures.Add($"{f[0]}: RGBA hash differs from PIL's");
        }
        Assert.True(lines.Count >= 40, $"only {lines.Count} oracle lines");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
