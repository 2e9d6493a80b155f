namespace Spectra.Data.Images.Codecs.Fallback;

/// <summary>
/// Magic bytes and header dimensions of the fallback formats, read in managed code from the probe's
/// prefix: a hostile header is refused against the pixel limit and the file size before the native
/// decoder sees the file.
/// </summary>
internal static class FallbackHeaders
{
    public static bool Matches(FallbackFormat format, ReadOnlySpan<byte> h) => format switch
    {
        FallbackFormat.WebP => h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8),
        FallbackFormat.Gif => h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8),
        // Reserved 0, type 1 (icon), at least one entry: a bare "00 00 01 00" is too common to claim on its own.
        FallbackFormat.Ico => h.Length >= 6 && h[0] == 0 && h[1] == 0 && h[2] == 1 && h[3] == 0 && (h[4] | h[5]) != 0,
        FallbackFormat.ArithmeticJpeg => JpegCodec.IsArithmeticCoded(h),
        _ => false,
    };

    /// <summary>The header, or null when the prefix is too short to hold it.</summary>
    public static ImageHeader? TryRead(FallbackFormat format, ReadOnlySpan<byte> h, ImageDecodeLimits limits)
    {
        var size = format switch
        {
            FallbackFormat.WebP => WebP(h),
            FallbackFormat.Gif => h.Length < 10 ? null : (BinaryPrimitives.ReadUInt16LittleEndian(h[6..]), BinaryPrimitives.ReadUInt16LittleEndian(h[8..]), 4),
            FallbackFormat.Ico => Ico(h),
            _ => JpegCodec.ArithmeticFrameSize(h),
        };
        if (size is not var (w, hh, channels)) return null;
        limits.CheckPixels(w, hh, Name(format));
        return new ImageHeader(w, hh, channels);
    }

    public static string Name(FallbackFormat format) => format switch
    {
        FallbackFormat.WebP => "WebP",
        FallbackFormat.Gif => "GIF",
        FallbackFormat.Ico => "ICO",
        _ => "JPEG (arithmetic-coded)",
    };

    /// <summary>
    /// Fewest bytes a file of these dimensions needs. GIF: an LZW code is at least 3 bits and stands for
    /// at most 4096 pixels (the dictionary's size). ICO: every entry is stored, so a directory entry
    /// claims no more than its 32-bit PNG or bitmap payload; the prefix check happens in the decoder.
    /// WebP and arithmetic JPEG code large flat areas in a fraction of a bit per pixel, so only the pixel
    /// limit and the memory budget bound them.
    /// </summary>
    public static long LeastBytes(FallbackFormat format, ImageHeader h) => format switch
    {
        FallbackFormat.Gif => (long)h.Width * h.Height * 3 / (8 * 4096),
        _ => 0,
    };

    private static (int, int, int)? WebP(ReadOnlySpan<byte> h)
    {
        if (h.Length < 30) return null;
        var chunk = h[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            if (h[23] != 0x9D || h[24] != 0x01 || h[25] != 0x2A) throw SpectraException.Invalid("WebP lossy frame start code is missing");
            return (BinaryPrimitives.ReadUInt16LittleEndian(h[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(h[28..]) & 0x3FFF, 3);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (h[20] != 0x2F) throw SpectraException.Invalid("WebP lossless signature byte is missing");
            uint bits = BinaryPrimitives.ReadUInt32LittleEndian(h[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1, (bits >> 28 & 1) != 0 ? 4 : 3);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            int w = h[24] | h[25] << 8 | h[26] << 16, hh = h[27] | h[28] << 8 | h[29] << 16;
            return (w + 1, hh + 1, (h[20] & 0x10) != 0 ? 4 : 3);
        }
        throw SpectraException.Invalid($"WebP has an unknown first chunk '{System.Text.Encoding.ASCII.GetString(chunk).Replace('\0', ' ')}' (VP8, VP8L or VP8X expected)");
    }

    private static (int, int, int)? Ico(ReadOnlySpan<byte> h)
    {
        int count = BinaryPrimitives.ReadUInt16LittleEndian(h[4..]);
        if (h.Length < 6 + 16 * count) return null;
        int bestW = 0, bestH = 0;
        for (int i = 0; i < count; i++)
        {
            var e = h.Slice(6 + 16 * i, 16);
            int w = e[0] == 0 ? 256 : e[0], hh = e[1] == 0 ? 256 : e[1];
            if ((long)w * hh > (long)bestW * bestH) (bestW, bestH) = (w, hh);
        }
        return (bestW, bestH, 4);
    }
}
