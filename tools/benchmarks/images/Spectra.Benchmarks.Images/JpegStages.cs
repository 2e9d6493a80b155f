using Spectra.Data.Images;
using Spectra.Data.Images.Codecs;

/// <summary>
/// jpeg-stages PATH WxH gray|rgb [ROUNDS]: where a reduced-scale decode's time goes, one thread, files in memory.
/// Decodes at scale 1, 1/2, 1/4 and 1/8 (1/8 is the entropy decoding plus next to nothing: the floor), and
/// the row making (colour to features, box average to W × H) after the draft decode, each the best of ROUNDS.
/// </summary>
internal static class JpegStages
{
    public static int Run(string folder, int tw, int th, bool rgb, int rounds)
    {
        var files = Directory.EnumerateFiles(folder, "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var codec = new JpegCodec();
        var limits = ImageDecodeLimits.Default;
        var header = codec.TryReadHeader(files[0], limits)!.Value;
        var options = new ImageSourceOptions { Color = rgb ? ImageColorMode.Rgb : ImageColorMode.Gray, ResizeWidth = tw, ResizeHeight = th, JpegDraft = true };
        var converter = new PixelConverter(options);
        var row = new double[tw * th * options.ChannelsPerPixel];
        Console.WriteLine($"files {files.Length}");
        foreach (int s in new[] { 1, 2, 4, 8 })
        {
            int w = (header.Width + s - 1) / s, h = (header.Height + s - 1) / s;
            double best = Best(rounds, () => { foreach (var f in files) codec.DecodeDraft(f, limits, w, h, transient: true); });
            Console.WriteLine($"decode_1/{s}_ms_per_image {1000 * best / files.Length:F3}");
        }
        double decodeDraft = Best(rounds, () => { foreach (var f in files) codec.DecodeDraft(f, limits, tw, th, transient: true); });
        double rows = Best(rounds, () =>
        {
            foreach (var f in files)
            {
                var im = codec.DecodeDraft(f, limits, tw, th, transient: true);
                converter.Write(im, row, Resampler.For(im.Width, im.Height, tw, th));
            }
        });
        Console.WriteLine($"draft_decode_ms_per_image {1000 * decodeDraft / files.Length:F3}");
        Console.WriteLine($"draft_decode_and_row_ms_per_image {1000 * rows / files.Length:F3}");
        Console.WriteLine($"gc_collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        return 0;
    }

    private static double Best(int rounds, Action work)
    {
        double best = double.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            var w = Stopwatch.StartNew();
            work();
            best = Math.Min(best, w.Elapsed.TotalSeconds);
        }
        return best;
    }
}
