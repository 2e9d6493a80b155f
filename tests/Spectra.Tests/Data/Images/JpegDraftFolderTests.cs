namespace Spectra.Tests.Data.Images;

/// <summary>
/// The jpeg_draft option on a folder of photo-like JPEGs (written by PIL): with a resize target it decodes
/// at a reduced scale and the spectrum stays close to the full decode's; it is recorded only when set, and
/// refused where it cannot apply.
/// </summary>
public class JpegDraftFolderTests
{
    /// <summary>120 colour JPEGs of 200 × 150 (quality 90, 4:2:0): smooth random colour fields with a few hard-edged bars.</summary>
    private static void WritePhotos(string folder) => SystemPython.Run("""
        import numpy as np
        from PIL import Image
        rng = np.random.default_rng(7)
        ky = np.fft.fftfreq(150)[:, None] * 150
        kx = np.fft.fftfreq(200)[None, :] * 200
        amp = np.hypot(ky, kx)
        amp[0, 0] = 1
        amp = amp ** -1.6
        for i in range(120):
            f = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((3, 150, 200)), axes=(1, 2)) * amp, axes=(1, 2)))
            f = (f - f.mean()) / (f.std() + 1e-9)
            px = 128 + 45 * f.transpose(1, 2, 0)
            for _ in range(3):
                x, y = rng.integers(0, 180), rng.integers(0, 130)
                px[y:y + rng.integers(5, 20), x:x + rng.integers(5, 20)] = rng.integers(0, 256, 3)
            Image.fromarray(np.clip(px, 0, 255).astype(np.uint8), "RGB").save(f"{i:03d}.jpg", quality=90)
        """, folder);

    [PilFact]
    public void A_folder_analysed_with_jpeg_draft_has_a_spectrum_close_to_the_full_decodes()
    {
        using var dir = new TestData.TempFolder();
        WritePhotos(dir.Path);
        foreach (var color in new[] { ImageColorMode.Gray, ImageColorMode.Rgb })
        {
            // 200 × 150 to 24 × 24: 1/4 scale (50 × 38), since 1/8 (25 × 19) is too short.
            var full = AnalysisRequest.Default with { Resize = (24, 24), Color = color, SffRealisations = 0, ReferenceDraws = 0 };
            var draft = full with { JpegDraft = true };
            var a = Job.Analyze(full.Open(dir.Path), full).Computation.Spectrum.All;
            var b = Job.Analyze(draft.Open(dir.Path), draft).Computation.Spectrum.All;
            Assert.Equal(a.Count, b.Count);
            Assert.NotEqual(a, b);
            for (int k = 1; k <= 10; k++)
            {
                double x = a[^k], y = b[^k];
                // Measured: −1.9 % … +0.1 % (gray), −1.2 % … +0.1 % (rgb) over the top ten, mostly below: the box
                // average from the reduced grid spreads each output pixel's edges a little wider, and the
                // last reduced row (⌈150/4⌉ = 38 for 37.5) is half padding. The bound sits above that.
                Assert.True(Math.Abs(x - y) <= 0.03 * x, $"{color}: eigenvalue {k}: {x} full, {y} draft");
            }
        }
    }

    [Fact]
    public void Jpeg_draft_is_recorded_only_when_set_so_default_reports_are_unchanged()
    {
        var resized = AnalysisRequest.Default with { Resize = (8, 8) };
        Assert.DoesNotContain("jpeg_draft", resized.OptionMap().Keys);
        Assert.Equal("true", (resized with { JpegDraft = true }).OptionMap()["jpeg_draft"]);
        // A baseline made with it is repeated with it.
        Assert.True(resized.WithRecorded(new Dictionary<string, string> { ["jpeg_draft"] = "true", ["resize"] = "8x8" }).JpegDraft);
    }

    [Fact]
    public void Jpeg_draft_without_a_resize_target_is_refused_by_name()
    {
        var e = Assert.Throws<SpectraException>(() => (AnalysisRequest.Default with { JpegDraft = true }).Validate());
        Assert.Equal(SpectraErrorKind.InvalidOption, e.Kind);
        Assert.Contains("jpeg_draft", e.Keys);
        Assert.Contains("resize", e.Message);
    }

    [Fact]
    public void Jpeg_draft_applies_to_image_folders_and_parquet_images_only()
    {
        var draft = AnalysisRequest.Default with { Resize = (8, 8), JpegDraft = true };
        Assert.DoesNotContain("jpeg_draft", draft.Inapplicable("images"));
        Assert.DoesNotContain("jpeg_draft", draft.Inapplicable(AnalysisRequest.ParquetImages));
        foreach (var kind in new[] { "npy", "idx", "parquet", "csv", "hdf5", "table" })
            Assert.Contains("jpeg_draft", draft.Inapplicable(kind));
    }
}
