using SkiaSharp;

namespace Spectra.Data.Images.Codecs.Fallback;

/// <summary>
/// WebP, GIF (first frame), ICO (largest entry) and arithmetic-coded JPEG through Skia's native codecs.
/// The header comes from <see cref="FallbackHeaders"/> without native code; the decode asks Skia for
/// the dimensions first (no pixels decoded) and checks them against the pixel limit and the memory
/// budget before the pixel buffer exists. Samples are 8-bit: gray for a gray JPEG, RGB when Skia
/// reports the image opaque, RGBA (unpremultiplied) otherwise.
/// </summary>
internal sealed class SkiaCodec(FallbackFormat format) : SingleImageCodec
{
    public FallbackFormat Format { get; } = format;

    public override string Name { get; } = FallbackHeaders.Name(format);

    public override bool Matches(ReadOnlySpan<byte> head) => FallbackHeaders.Matches(Format, head);

    public override ImageHeader? TryReadHeader(ReadOnlySpan<byte> head, ImageDecodeLimits limits) => FallbackHeaders.TryRead(Format, head, limits);

    public override unsafe DecodedImage Decode(ReadOnlySpan<byte> data, ImageDecodeLimits limits)
    {
        if (FallbackHeaders.TryRead(Format, data, limits) is null)
            throw SpectraException.Invalid($"{Name} file ends inside its header", hint: "the file is truncated; re-download it");
        SKData bytes;
        fixed (byte* p = data) bytes = SKData.CreateCopy((IntPtr)p, (ulong)data.Length);
        using (bytes)
        using (var codec = SKCodec.Create(bytes) ?? throw SpectraException.Invalid($"{Name} data is not readable by the decoder (damaged header)",
                   hint: "re-export or re-download the file, or pass over such files with skip-invalid"))
        {
            var info = codec.Info;
            limits.CheckPixels(info.Width, info.Height, Name);
            int channels = info.ColorType == SKColorType.Gray8 ? 1 : info.AlphaType == SKAlphaType.Opaque ? 3 : 4;
            int stored = channels == 1 ? 1 : 4;
            long pixels = (long)info.Width * info.Height;
            MemoryBudget.Current.Check(pixels * (stored + 2.0 * channels), $"the decoded {Name} image ({info.Width} × {info.Height} pixels)");
            var target = new SKImageInfo(info.Width, info.Height, channels == 1 ? SKColorType.Gray8 : SKColorType.Rgba8888,
                channels == 4 ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
            var raw = GC.AllocateUninitializedArray<byte>(checked((int)(pixels * stored)));
            SKCodecResult result;
            fixed (byte* p = raw) result = codec.GetPixels(target, (IntPtr)p);
            if (result != SKCodecResult.Success)
                throw SpectraException.Invalid(result == SKCodecResult.IncompleteInput
                        ? $"{Name} image data ends early (the decoder got {result})"
                        : $"{Name} data is corrupt (the decoder returned {result})",
                    hint: "re-export or re-download the file, or pass over such files with skip-invalid");
            return DecodedImage.FromSamples(info.Width, info.Height, channels, 255, Samples(raw, pixels, channels));
        }
    }

    /// <summary>Widens the 8-bit samples, dropping the alpha byte of an opaque RGBA row.</summary>
    private static ushort[] Samples(byte[] raw, long pixels, int channels)
    {
        var s = new ushort[pixels * channels];
        if (channels != 3)
        {
            for (long i = 0; i < s.LongLength; i++) s[i] = raw[i];
            return s;
        }
        for (long i = 0, o = 0; i < pixels; i++, o += 3)
        {
            s[o] = raw[4 * i];
            s[o + 1] = raw[4 * i + 1];
            s[o + 2] = raw[4 * i + 2];
        }
        return s;
    }
}
