using SkiaSharp;
using Spectra.Data.Images;
using Spectra.Data.Images.Codecs;

/// <summary>
/// png-vs-skia PATH: every PNG of a folder decoded from memory by Spectra's PNG codec and by SkiaSharp
/// (SKCodec into 8-bit RGBA, its native layout), one thread, alternating rounds; prints the best round of each.
/// Spectra decodes twice: into new buffers (an owned image) and into reused scratch (the folder loader's path).
/// </summary>
internal static class PngSideBySide
{
    public static int Run(string folder, int rounds)
    {
        var files = Directory.EnumerateFiles(folder, "*.png").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var codec = new PngCodec();
        long pixels = files.Sum(f => { var h = codec.TryReadHeader(f, ImageDecodeLimits.Default)!.Value; return (long)h.Width * h.Height; });
        var streams = files.Select(Idat).ToArray();
        double bestSpectra = double.MaxValue, bestTransient = double.MaxValue, bestSkia = double.MaxValue, bestInflate = double.MaxValue;
        for (int round = 0; round < rounds; round++)
        {
            var w = Stopwatch.StartNew();
            foreach (var f in files) codec.Decode(f, ImageDecodeLimits.Default);
            bestSpectra = Math.Min(bestSpectra, w.Elapsed.TotalSeconds);
            // The path `spectra analyze` takes on a folder: samples into the thread's reused scratch buffers.
            w.Restart();
            foreach (var f in files) codec.DecodeTransient(f, ImageDecodeLimits.Default);
            bestTransient = Math.Min(bestTransient, w.Elapsed.TotalSeconds);
            w.Restart();
            foreach (var f in files) Skia(f);
            bestSkia = Math.Min(bestSkia, w.Elapsed.TotalSeconds);
            w.Restart();
            foreach (var z in streams) Inflate(z);
            bestInflate = Math.Min(bestInflate, w.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"files {files.Length}");
        Console.WriteLine($"gc_collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        Console.WriteLine($"megapixels {pixels / 1e6:F2}");
        Console.WriteLine($"spectra_s {bestSpectra:F4}");
        Console.WriteLine($"spectra_transient_s {bestTransient:F4}");
        Console.WriteLine($"skia_s {bestSkia:F4}");
        Console.WriteLine($"inflate_only_s {bestInflate:F4}");
        Console.WriteLine($"skia_over_spectra {bestSkia / bestSpectra:F2}");
        Console.WriteLine($"skia_over_spectra_transient {bestSkia / bestTransient:F2}");
        return 0;
    }

    /// <summary>The zlib stream of a PNG: its IDAT chunks' data, joined.</summary>
    private static byte[] Idat(byte[] png)
    {
        var joined = new MemoryStream();
        for (int pos = 8; pos + 12 <= png.Length;)
        {
            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            if (png.AsSpan(pos + 4, 4).SequenceEqual("IDAT"u8)) joined.Write(png, pos + 8, length);
            pos += 12 + length;
        }
        return joined.ToArray();
    }

    private static void Inflate(byte[] stream)
    {
        using var z = new System.IO.Compression.ZLibStream(new MemoryStream(stream), System.IO.Compression.CompressionMode.Decompress);
        z.CopyTo(Stream.Null);
    }

    private static unsafe void Skia(byte[] file)
    {
        using var data = SKData.CreateCopy(file);
        using var c = SKCodec.Create(data);
        var info = new SKImageInfo(c.Info.Width, c.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = new byte[info.BytesSize];
        fixed (byte* p = pixels)
            if (c.GetPixels(info, (IntPtr)p) != SKCodecResult.Success) throw new InvalidOperationException("skia failed");
    }
}
