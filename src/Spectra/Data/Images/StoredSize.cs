using Spectra.Data.Images.Codecs.Fallback;

namespace Spectra.Data.Images;

/// <summary>
/// The fewest bytes a file needs to hold the images its header claims, so that a header of a few
/// hundred bytes claiming 10 000 × 10 000 pixels is refused at the probe, before any buffer is sized
/// from it. Each bound is a floor no genuine file goes below: one bit per pixel for the raw formats
/// (PBM and 1-bit BMP), one byte per sample for NPY and IDX, deflate's best ratio for PNG scanlines,
/// and one bit per 8 × 8 block of the most subsampled JPEG component (every block of a scan codes at
/// least its DC difference).
/// </summary>
internal static class StoredSize
{
    /// <summary>Fewest bytes of data (after any gzip wrapper is removed) the header's images need.</summary>
    public static long Least(IImageCodec codec, ImageHeader h)
    {
        long w = h.Width, hh = h.Height, count = h.Count;
        return codec switch
        {
            PngCodec => Math.Max(0, (hh * (1 + (w + 7) / 8) - 1024) / DeflateBound.MaxRatio),
            JpegCodec => (w + 31) / 32 * ((hh + 31) / 32) / 8,
            NetpbmCodec or BmpCodec => (w + 7) / 8 * hh,
            NpyCodec or IdxCodec => count * w * hh * h.Channels,
            SkiaCodec s => FallbackHeaders.LeastBytes(s.Format, h),
            _ => 0, // NPZ: each entry is checked against its compressed size when it is read
        };
    }

    /// <summary>Throws when a file of <paramref name="storedBytes"/> (gzipped or not) cannot hold what its header claims.</summary>
    public static void Check(IImageCodec codec, ImageHeader h, long storedBytes, bool gzipped)
    {
        long least = Least(codec, h);
        long most = gzipped ? DeflateBound.MaxExpanded(storedBytes) : storedBytes;
        if (least > most)
            throw SpectraException.Invalid(
                $"{codec.Name} header claims {(h.Count == 1 ? "" : $"{h.Count} images of ")}{h.Width} × {h.Height} pixels, which need at least {least} bytes, but the file holds {(gzipped ? $"{storedBytes} gzipped bytes" : $"{storedBytes} bytes")}",
                hint: "the file is truncated or its header is corrupt; re-export or re-download it");
    }

    /// <summary>Working memory one decode of such an image takes: samples, intermediate samples and scanlines.</summary>
    public static double DecodeBytes(ImageHeader h) => 6.0 * h.Width * h.Height * h.Channels;
}
