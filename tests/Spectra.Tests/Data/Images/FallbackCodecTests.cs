using Spectra.Data.Images.Codecs.Fallback;

namespace Spectra.Tests.Data.Images;

/// <summary>
/// The native fallback decoder (WebP, GIF, ICO, arithmetic-coded JPEG) on files PIL wrote, against PIL's
/// own decode (tools/fixtures/images/make_fallback_images.py), and the refusals around it.
/// </summary>
public sealed class FallbackCodecTests : IClassFixture<FallbackCodecTests.Files>
{
    public sealed class Files : IDisposable
    {
        public string Dir { get; } = Directory.CreateTempSubdirectory("spectra-fallback-").FullName;

        public Files()
        {
            if (PilReference.Unavailable is null)
                PilReference.RunTool("tools/fixtures/images/make_fallback_images.py", Dir, "17");
        }

        public void Dispose() => Directory.Delete(Dir, recursive: true);
    }

    private readonly Files _files;

    public FallbackCodecTests(Files files) => _files = files;

    /// <summary>Decodes through the format detection every reader uses, then brings the image to 8-bit RGBA as PIL's convert("RGBA") does.</summary>
    private static (IImageCodec Codec, byte[] Rgba) Decode(string path)
    {
        var data = File.ReadAllBytes(path);
        var codec = ImageFormats.Detect(data) ?? throw new Xunit.Sdk.XunitException("no codec for " + path);
        var im = ((SingleImageCodec)codec).Decode(data, ImageDecodeLimits.Default);
        Assert.Equal(codec.TryReadHeader(data, ImageDecodeLimits.Default)!.Value.Width, im.Width);
        var rgba = new byte[im.Width * im.Height * 4];
        for (int p = 0; p < im.Width * im.Height; p++)
        for (int c = 0; c < 4; c++)
            rgba[4 * p + c] = (byte)(c == 3
                ? (im.HasAlpha ? im.Samples![p * im.Channels + im.Channels - 1] : 255)
                : im.Samples![p * im.Channels + (im.IsColor ? c : 0)]);
        return (codec, rgba);
    }

    private static int MaxDifference(byte[] a, byte[] b)
    {
        Assert.Equal(a.Length, b.Length);
        int most = 0;
        for (int i = 0; i < a.Length; i++) most = Math.Max(most, Math.Abs(a[i] - b[i]));
        return most;
    }

    [PilTheory]
    [InlineData("lossless.webp", "WebP")]
    [InlineData("alpha.webp", "WebP")]
    [InlineData("palette.gif", "GIF")]
    [InlineData("icon.ico", "ICO")]
    public void Lossless_files_decode_exactly_as_pil_decodes_them(string name, string format)
    {
        var path = Path.Combine(_files.Dir, name);
        var (codec, rgba) = Decode(path);
        Assert.Equal(format, codec.Name);
        Assert.Equal(0, MaxDifference(File.ReadAllBytes(path + ".rgba"), rgba));
    }

    [PilFact]
    public void Lossy_webp_decodes_exactly_as_pil_decodes_it()
    {
        // Both decode with libwebp (PIL's Debian 1.2.4, Skia's bundled one) with its default fancy
        // upsampling, whose integer YUV→RGB arithmetic is the same in both: no tolerance is needed.
        var path = Path.Combine(_files.Dir, "lossy.webp");
        int most = MaxDifference(File.ReadAllBytes(path + ".rgba"), Decode(path).Rgba);
        Assert.True(most == 0, $"largest difference {most}");
    }

    [ConformanceFact]
    public void Arithmetic_coded_jpeg_goes_to_the_fallback_and_decodes_exactly_as_libjpeg_turbo()
    {
        var data = File.ReadAllBytes(Conformance.PathOf("images", "libjpeg-turbo", "testimgari.jpg"));
        var codec = ImageFormats.Detect(data);
        Assert.IsType<SkiaCodec>(codec);
        var im = ((SingleImageCodec)codec!).Decode(data, ImageDecodeLimits.Default);
        var reference = ImageFormats.Detect(File.ReadAllBytes(Conformance.PathOf("images", "reference", "jpeg", "libjpeg-turbo", "testimgari.pnm")))!;
        var expected = reference.Open(File.ReadAllBytes(Conformance.PathOf("images", "reference", "jpeg", "libjpeg-turbo", "testimgari.pnm")), ImageDecodeLimits.Default).Decode(0);
        Assert.Equal((expected.Width, expected.Height, expected.Channels), (im.Width, im.Height, im.Channels));
        int most = 0;
        for (int i = 0; i < im.Width * im.Height * im.Channels; i++) most = Math.Max(most, Math.Abs(im.Samples![i] - expected.Samples![i]));
        Assert.True(most == 0, $"largest difference {most}");
    }

    [PilFact]
    public void A_tiff_is_refused_by_name_with_a_conversion()
    {
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(Path.Combine(_files.Dir, "photo.tiff")));
        Assert.Equal(SpectraErrorKind.Unsupported, e.Kind);
        Assert.Contains("TIFF", e.Message);
        Assert.Contains("photo.tiff", e.Message);
        Assert.Contains("convert photo.tiff photo.png", e.Hint);
        var detected = Assert.Throws<SpectraException>(() => Spectra.Data.InputDetector.Detect(Path.Combine(_files.Dir, "photo.tiff")));
        Assert.Equal(SpectraErrorKind.Unsupported, detected.Kind);
        Assert.Contains("TIFF images are not supported", detected.Message);
        Assert.EndsWith("photo.tiff", detected.File);
    }

    [Fact]
    public void A_webp_header_claiming_huge_dimensions_is_refused_before_the_decoder_runs()
    {
        using var t = new TestData.TempFolder();
        // RIFF/WEBP with a VP8X canvas of 16384 × 16384 (2^28 pixels) and nothing else.
        var file = new byte[64];
        "RIFF"u8.CopyTo(file);
        BitConverter.GetBytes(56).CopyTo(file, 4);
        "WEBPVP8X"u8.CopyTo(file.AsSpan(8));
        BitConverter.GetBytes(10).CopyTo(file, 16);
        file[24] = 0xFF; file[25] = 0x3F; file[27] = 0xFF; file[28] = 0x3F;
        var path = t.Write("huge.webp", file);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(path));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20, "allocated more than 16 MB before refusing");
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
        Assert.Contains("16384 × 16384", e.Message);
        Assert.Contains("huge.webp", e.Message);
    }

    [Fact]
    public void A_truncated_gif_is_one_clear_error()
    {
        // A GIF header claiming 4000 × 4000 in 13 bytes cannot hold its LZW data.
        using var t = new TestData.TempFolder();
        var path = t.Write("cut.gif", [.. "GIF89a"u8, 0xA0, 0x0F, 0xA0, 0x0F, 0, 0, 0]);
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(path));
        Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
        Assert.Contains("cut.gif", e.Message);
    }

    [PilFact]
    public void A_webp_folder_gives_the_spectrum_of_the_same_images_as_png()
    {
        var request = new AnalysisRequest();
        double[] Spectrum(string folder) =>
            Job.Analyze(request.Open(Path.Combine(_files.Dir, "folder", folder)), request, light: true).Computation.Spectrum.All.ToArray();
        var webp = Spectrum("webp");
        Assert.Equal(8, webp.Length);
        Assert.Equal(Spectrum("png"), webp);
    }
}

