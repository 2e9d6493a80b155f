namespace Spectra.Tests.Data.Images;

/// <summary>
/// A folder read decodes each PNG and JPEG into buffers its thread reuses from file to file. With one
/// thread, every decode starts from what the previous, different image left there (other colour types,
/// bit depths, palettes with and without transparency, interlacing, chroma subsampling), so a sample
/// that one decode forgot to write would show up as a difference from the file decoded on its own.
/// </summary>
public class FolderDecodeReuseTests
{
    private static readonly ImageSourceOptions RgbaOneThread = new()
    {
        Color = ImageColorMode.Rgb, KeepAlpha = true, DegreeOfParallelism = 1,
    };

    [ConformanceFact]
    public void Every_32x32_png_read_from_one_folder_equals_its_own_decode()
    {
        var png = new PngCodec();
        var files = ConformanceIndex.Png().Where(e => e.Accepted).Select(e => File.ReadAllBytes(e.InputPath))
            .Where(b => png.TryReadHeader(b, ImageDecodeLimits.Default) is { Width: 32, Height: 32 }).ToList();
        Assert.True(files.Count > 100, $"only {files.Count} 32×32 PNGs in the conformance set");
        CheckFolder(files, ".png", png);
    }

    [ConformanceFact]
    public void Every_jpeg_variant_read_from_one_folder_equals_its_own_decode()
    {
        var files = Directory.GetFiles(Conformance.PathOf("images", "jpeg-variants"), "*.jpg").Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes).ToList();
        Assert.True(files.Count >= 7, "the JPEG variants (gray and colour, baseline and progressive, 4:2:0 to 4:4:4) are missing");
        // Gray and colour files alternate, so a gray decode follows a colour one in the same buffers.
        var gray = files.Where(IsGray).ToList();
        var colour = files.Where(b => !IsGray(b)).ToList();
        Assert.NotEmpty(gray);
        var ordered = new List<byte[]>();
        for (int i = 0; i < colour.Count; i++)
        {
            ordered.Add(colour[i]);
            ordered.Add(gray[i % gray.Count]);
        }
        CheckFolder(ordered, ".jpg", new JpegCodec());
    }

    [ConformanceFact]
    public void Every_netpbm_and_bmp_read_from_one_folder_equals_its_own_decode()
    {
        // A folder needs one image size: the largest group of one size, whose files differ in channels,
        // bit depth and maximum level (the PAM copies of the PNG suite; 1-bit, palette and 24-bit BMPs).
        var pnm = SameSize(new NetpbmCodec(), Directory.GetFiles(Conformance.PathOf("images"), "*.p?m", SearchOption.AllDirectories));
        Assert.True(pnm.Count >= 20, $"only {pnm.Count} Netpbm files of one size in the conformance set");
        var bmp = SameSize(new BmpCodec(), Directory.GetFiles(Conformance.PathOf("images"), "*.bmp", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(TestData.PathOf(""), "*.bmp")));
        Assert.True(bmp.Count >= 3, $"only {bmp.Count} BMP files of one size");
        // Forwards then backwards: every file also follows one of another kind.
        CheckFolder([.. pnm, .. Enumerable.Reverse(pnm)], ".pnm", new NetpbmCodec());
        CheckFolder([.. bmp, .. Enumerable.Reverse(bmp)], ".bmp", new BmpCodec());
    }

    private static List<byte[]> SameSize(SingleImageCodec codec, IEnumerable<string> paths)
    {
        var decodable = new List<(byte[] File, int Width, int Height)>();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var file = File.ReadAllBytes(path);
            try
            {
                var im = codec.Decode(file, ImageDecodeLimits.Default);
                decodable.Add((file, im.Width, im.Height));
            }
            catch (SpectraException)
            {
                // rejected files have their own tests
            }
        }
        return decodable.GroupBy(f => (f.Width, f.Height)).OrderByDescending(g => g.Count()).First().Select(f => f.File).ToList();
    }

    private static bool IsGray(byte[] jpeg) => new JpegCodec().Decode(jpeg, ImageDecodeLimits.Default).Channels == 1;

    private static void CheckFolder(List<byte[]> files, string extension, SingleImageCodec codec)
    {
        using var t = new TestData.TempFolder();
        for (int i = 0; i < files.Count; i++) t.Write($"{i:D4}{extension}", files[i]);
        foreach (var (options, expected) in new (ImageSourceOptions, Func<DecodedImage, double[]>)[]
                 { (RgbaOneThread, Expected), (RgbaOneThread with { Color = ImageColorMode.Gray, KeepAlpha = false }, ExpectedGray) })
        {
            var source = ImageSource.Open(t.Path, options);
            int row = 0;
            foreach (var chunk in source.ReadChunks(7))
                for (int r = 0; r < chunk.Rows; r++, row++)
                    Assert.True(chunk.Row(r).SequenceEqual(expected(codec.Decode(files[row], ImageDecodeLimits.Default))),
                        $"file {row} of {files.Count} differs when read from the folder ({options.Color})");
            Assert.Equal(files.Count, row);
        }
    }

    /// <summary>BT.601 luma (0.299 R + 0.587 G + 0.114 B) over the maximum level; a gray sample over the maximum level.</summary>
    private static double[] ExpectedGray(DecodedImage im)
    {
        int n = im.Width * im.Height, ch = im.Channels;
        double scale = 1.0 / im.MaxValue, r = 0.299 * scale, g = 0.587 * scale, b = 0.114 * scale;
        var s = im.Samples!;
        var o = new double[n];
        for (int p = 0; p < n; p++)
            o[p] = ch <= 2 ? s[p * ch] * scale : r * s[p * ch] + g * s[p * ch + 1] + b * s[p * ch + 2];
        return o;
    }

    /// <summary>Red, green, blue, alpha per pixel, each sample over the image's maximum level (gray replicated, alpha 1 when absent).</summary>
    private static double[] Expected(DecodedImage im)
    {
        int n = im.Width * im.Height, ch = im.Channels;
        double scale = 1.0 / im.MaxValue;
        var s = im.Samples!;
        var o = new double[n * 4];
        for (int p = 0; p < n; p++)
        {
            for (int c = 0; c < 3; c++) o[4 * p + c] = s[p * ch + (ch <= 2 ? 0 : c)] * scale;
            o[4 * p + 3] = im.HasAlpha ? s[p * ch + ch - 1] * scale : 1.0;
        }
        return o;
    }
}
