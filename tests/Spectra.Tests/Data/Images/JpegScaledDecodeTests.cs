namespace Spectra.Tests.Data.Images;

/// <summary>
/// JPEG decoded at 1/2, 1/4 and 1/8 scale in the DCT domain (<see cref="ScaledIdct"/>): identities with
/// the full decode, the weights against their definition, and PIL's <c>Image.draft</c> (libjpeg-turbo's
/// reduced-size transforms) as the independent reference.
/// </summary>
public class JpegScaledDecodeTests
{
    private static readonly JpegCodec Jpeg = new();

    private static readonly string[] SmallFiles =
    [
        "small_gray.jpg", "small_420.jpg", "small_422_progressive.jpg", "small_444_restart.jpg", "small_420_progressive_restart.jpg",
        "small_440.jpg", "small_411.jpg", "small_420_odd.jpg", "cmyk_solid.jpg",
    ];

    private static DecodedImage Scaled(byte[] file, int s) => Jpeg.DecodeScaled(file, ImageDecodeLimits.Default, s);

    [Fact]
    public void Scale_one_is_the_full_decode_bit_for_bit()
    {
        foreach (var name in SmallFiles)
        {
            var bytes = File.ReadAllBytes(TestData.PathOf(name));
            var full = Jpeg.Decode(bytes, ImageDecodeLimits.Default);
            var one = Scaled(bytes, 1);
            // A draft target as large as the image leaves nothing to reduce.
            var draft = Jpeg.DecodeDraft(bytes, ImageDecodeLimits.Default, full.Width, full.Height, transient: false);
            Assert.Equal(full.Samples, one.Samples);
            Assert.Equal(full.Samples, draft.Samples);
        }
    }

    [Fact]
    public void Scaled_sizes_are_rounded_up_for_odd_sizes_and_every_subsampling()
    {
        foreach (var name in SmallFiles)
        {
            var bytes = File.ReadAllBytes(TestData.PathOf(name));
            var full = Jpeg.Decode(bytes, ImageDecodeLimits.Default);
            foreach (int s in new[] { 2, 4, 8 })
            {
                var im = Scaled(bytes, s);
                Assert.Equal(((full.Width + s - 1) / s, (full.Height + s - 1) / s, full.Channels), (im.Width, im.Height, im.Channels));
            }
        }
    }

    [Fact]
    public void Reduced_transform_weights_are_the_cell_means_of_the_dct_basis()
    {
        foreach (int n in new[] { 4, 2, 1 })
        {
            int s = 8 / n;
            var table = ScaledIdct.Weights(n);
            for (int k = 0; k < n; k++)
            for (int u = 0; u < 8; u++)
            {
                double mean = 0;
                for (int j = 0; j < s; j++) mean += Math.Cos((2 * (s * k + j) + 1) * u * Math.PI / 16) / s;
                double weight = (u == 0 ? 1 : Math.Sqrt(2)) * mean;
                Assert.Equal((int)Math.Round(weight * 8192), table[k][u]);
            }
        }
    }

    [Theory]
    [InlineData(500, 375, 64, 64, 4)]
    [InlineData(512, 512, 64, 64, 8)]
    [InlineData(511, 512, 64, 64, 8)]
    [InlineData(505, 512, 64, 64, 8)]
    [InlineData(504, 512, 64, 64, 4)]
    [InlineData(100, 100, 64, 64, 1)]
    [InlineData(64, 64, 64, 64, 1)]
    [InlineData(40, 40, 64, 64, 1)]
    [InlineData(1000, 130, 64, 64, 2)]
    public void The_scale_is_the_largest_that_still_covers_the_target_on_both_sides(int w, int h, int tw, int th, int expected) =>
        Assert.Equal(expected, DraftScale.Choose(w, h, tw, th));

    [PilFact]
    public void A_flat_colour_jpeg_decodes_to_its_flat_value_at_every_scale()
    {
        using var dir = new TestData.TempFolder();
        SystemPython.Run("""
            from PIL import Image
            Image.new("L", (37, 29), 91).save("gray.jpg", quality=90)
            for name, sub in (("420", 2), ("422", 1), ("444", 0)):
                Image.new("RGB", (37, 29), (200, 60, 130)).save(name + ".jpg", quality=90, subsampling=sub)
            Image.new("RGB", (37, 29), (20, 240, 90)).save("progressive.jpg", quality=75, progressive=True)
            """, dir.Path);
        foreach (var file in Directory.GetFiles(dir.Path, "*.jpg"))
        {
            var bytes = File.ReadAllBytes(file);
            var full = Jpeg.Decode(bytes, ImageDecodeLimits.Default).Samples!;
            var first = full.Take(full.Length / 37 / 29).ToArray();
            // Every pixel of the full decode has one value (per channel), and so has every pixel of each reduced one.
            Assert.True(full.Chunk(first.Length).All(p => p.SequenceEqual(first)), Path.GetFileName(file) + " is not flat in full");
            foreach (int s in new[] { 2, 4, 8 })
            {
                var im = Scaled(bytes, s);
                var samples = im.Samples!.AsSpan(0, im.Width * im.Height * im.Channels).ToArray();
                Assert.True(samples.Chunk(first.Length).All(p => p.SequenceEqual(first)), $"{Path.GetFileName(file)} at 1/{s}");
            }
        }
    }

    /// <summary>
    /// A reduced sample is the mean of its cell of the full transform before rounding, so it differs from
    /// the mean of the full decode's rounded, clamped samples by rounding: one rounding to whole levels
    /// alone gives a mean absolute difference of 0.25, and that is what is measured (0.250–0.259 over
    /// both files and the three scales); the largest difference measured is 2 (at 1/2: the full
    /// transform's own fixed-point error, ≤ 1 per sample, adding up within a 2 × 2 cell, plus the reduced
    /// sample's rounding and clamping at 0 or 255). The bounds sit just above those measurements.
    /// </summary>
    [ConformanceFact]
    public void A_gray_reduced_decode_is_the_full_decodes_cell_means_up_to_rounding()
    {
        foreach (var name in new[] { "gray_baseline_q85.jpg", "gray_progressive_q85.jpg" })
        {
            var bytes = File.ReadAllBytes(Conformance.PathOf("images", "jpeg-variants", name));
            var full = Jpeg.Decode(bytes, ImageDecodeLimits.Default);
            foreach (int s in new[] { 2, 4, 8 })
            {
                var im = Scaled(bytes, s);
                double worst = 0, sum = 0;
                for (int y = 0; y < im.Height; y++)
                for (int x = 0; x < im.Width; x++)
                {
                    double mean = 0;
                    for (int j = 0; j < s; j++)
                    for (int i = 0; i < s; i++)
                        mean += full.Samples![(y * s + j) * full.Width + x * s + i];
                    double d = Math.Abs(im.Samples![y * im.Width + x] - mean / (s * s));
                    worst = Math.Max(worst, d);
                    sum += d;
                }
                double meanDifference = sum / (im.Width * im.Height);
                Assert.True(meanDifference <= 0.27 && worst <= 2, $"{name} at 1/{s}: mean {meanDifference:F4}, max {worst}");
            }
        }
    }

    /// <summary>
    /// PIL's <c>draft</c> runs libjpeg-turbo's reduced-size transforms (jidctred.c) and its choice of the
    /// chroma transform size, so it computes the same linear map in other fixed-point arithmetic.
    /// </summary>
    [PilConformanceFact]
    public void Reduced_decodes_agree_with_pil_draft_within_rounding()
    {
        // The conformance photos (256 × 256: gray, 4:2:0, 4:2:2, 4:4:4, progressive) and the small odd-sized
        // files (4:4:0, 4:1:1, partial MCUs, restart intervals), whose chroma sizes exercise libjpeg's choices.
        var paths = Directory.GetFiles(Conformance.PathOf("images", "jpeg-variants"), "*.jpg")
            .Concat(SmallFiles.Where(n => n != "cmyk_solid.jpg").Select(TestData.PathOf)).Order(StringComparer.Ordinal).ToArray();
        using var dir = new TestData.TempFolder();
        var listing = SystemPython.Run($$"""
            from PIL import Image
            for i, path in enumerate([{{string.Join(", ", paths.Select(Quote))}}]):
                for s in (2, 4, 8):
                    im = Image.open(path)
                    w, h = im.size
                    # draft picks the scale from whole quotients of the sizes: ask for the floor to get 1/s.
                    im.draft("L" if im.mode == "L" else "RGB", (w // s, h // s))
                    open(f"{i}.{s}.raw", "wb").write(im.tobytes())
                    print(i, s, im.size[0], im.size[1])
            """, dir.Path);
        var report = new List<string>();
        var failures = new List<string>();
        foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ').Select(int.Parse).ToArray();
            var (name, s, w, h) = (Path.GetFileName(paths[f[0]]), f[1], f[2], f[3]);
            var pil = File.ReadAllBytes(Path.Combine(dir.Path, $"{f[0]}.{s}.raw"));
            var im = Scaled(File.ReadAllBytes(paths[f[0]]), s);
            Assert.Equal((w, h), (im.Width, im.Height));
            long sum = 0;
            int max = 0, n = w * h * im.Channels;
            Assert.Equal(n, pil.Length);
            for (int i = 0; i < n; i++)
            {
                int d = Math.Abs(im.Samples![i] - pil[i]);
                sum += d;
                max = Math.Max(max, d);
            }
            double mean = (double)sum / n;
            report.Add($"{name} 1/{s}: mean {mean:F4}, max {max}");
            if (mean > MeanTolerance || max > (im.Channels == 1 ? MaxGrayTolerance : MaxColourTolerance)) failures.Add(report[^1]);
        }
        Assert.True(report.Count == 3 * paths.Length, $"{report.Count} comparisons for {paths.Length} files");
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\nall:\n" + string.Join("\n", report));
    }

    // libjpeg's jidctred.c computes the same means with other fixed-point constants and one more bit in
    // its DC term, so a value near a half level can round the other way: a difference of 1 in Y (gray)
    // or in Y, Cb or Cr, which the colour conversion turns into up to 2 in R, G or B (Cb weighs 1.772 in
    // B). Measured over the 16 files: max 1 gray and 2 colour, mean absolute difference at most 0.0135
    // (the small files, few pixels) and at most 0.0016 on the 256 × 256 photos; 1/8 (the DC alone) is exact.
    private const double MeanTolerance = 0.02;
    private const int MaxGrayTolerance = 1, MaxColourTolerance = 2;

    /// <summary>Skipped with the reason when the conformance files or PIL are missing.</summary>
    private sealed class PilConformanceFactAttribute : FactAttribute
    {
        public PilConformanceFactAttribute()
        {
            if (Conformance.Root is null) Skip = Conformance.SkipReason;
            else if (PilReference.Unavailable is { } why) Skip = why;
        }
    }

    private static string Quote(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
