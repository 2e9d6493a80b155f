namespace Spectra.Data.Images;

/// <summary>The header pass: which files are images, and how large. Headers are cheap, so every file is probed before any is decoded.</summary>
internal static class ImageProbe
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".pbm", ".pgm", ".ppm", ".pnm", ".pam", ".bmp", ".dib", ".npy", ".npz", ".webp", ".gif", ".ico",
    };

    /// <summary>Whether a file's name says it should be an image (a file like that with unknown magic is an error, not noise).</summary>
    public static bool LooksLikeImage(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        return ImageExtensions.Contains(Path.GetExtension(name)) || name.Contains("-idx", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Probes one file: null when it is not an image format at all (and not named like one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ProbedFile? Probe(string root, string relative, ImageDecodeLimits limits, bool labelled, FileCache? cache = null)
    {
        string full = relative.Length == 0 ? root : Path.Combine(root, relative);
        string name = relative.Length == 0 ? Path.GetFileName(root) : relative;
        try
        {
            // Before any open: a FIFO would block it, a device would never end.
            var status = FileStatusReader.Read(full);
            if (status.Kind != FileKind.Regular)
            {
                if (!LooksLikeImage(full)) return null;
                throw RegularFile.Refusal(name, "the file", status);
            }
            ReadOnlyMemory<byte> head;
            Memory<byte>? whole = null;
            long stored = -1;
            bool gzipped = false;
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(ImageFormats.ProbeBytes + 1);
            try
            {
                // One read of up to 64 KB + 1: a regular file returns less only at its end, so a short read is
                // the whole file (no length query, no second read).
                int got = SmallFileReader.TryRead(full, buffer.AsSpan(0, ImageFormats.ProbeBytes + 1));
                if (got < 0)
                    using (var handle = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.Read))
                        got = RandomAccess.Read(handle, buffer.AsSpan(0, ImageFormats.ProbeBytes + 1), 0);
                bool complete = got <= ImageFormats.ProbeBytes;
                if (complete) stored = got;
                int keep = Math.Min(got, ImageFormats.ProbeBytes);
                if (complete && cache?.TryAllocate(got) is { } slot)
                {
                    buffer.AsSpan(0, got).CopyTo(slot.Span);
                    whole = slot;
                }
                var prefix = whole ?? buffer.AsSpan(0, keep).ToArray();
                gzipped = ImageFormats.IsGzip(prefix.Span);
                head = gzipped ? ImageFormats.GunzipHead(File.ReadAllBytes(full)) : prefix;
                if (stored < 0) stored = new FileInfo(full).Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SpectraException(SpectraErrorKind.Io, "cannot read the file (" + e.Message + ")", name);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
            var codec = ImageFormats.Detect(head.Span);
            if (codec is null && UnsupportedFormat(head.Span) is { } format) throw Unsupported(format, full);
            if (codec is null)
            {
                if (!LooksLikeImage(full)) return null;
                throw SpectraException.Invalid($"the file's content is not a supported image format ({Supported})",
                    hint: "check that the file is not truncated or mislabelled");
            }
            var header = codec.TryReadHeader(head.Span, limits)
                         ?? codec.Open(ImageFormats.ReadAll(full, MaxExpanded(limits)), limits).Header;
            StoredSize.Check(codec, header, stored, gzipped);
            int slash = relative.IndexOf('/');
            string? label = labelled && slash > 0 ? relative[..slash] : null;
            return new ProbedFile(name, full, codec, header, label) { Cached = whole };
        }
        catch (SpectraException e)
        {
            throw e.WithFile(name);
        }
        catch (Exception e) when (DecoderFault.IsDataFault(e))
        {
            throw DecoderFault.ToError(e, "image").WithFile(name);
        }
    }

    private const string Supported = "PNG, JPEG, Netpbm, BMP, NPY, NPZ, IDX, WebP, GIF, ICO";

    /// <summary>The refusal of a recognised but undecoded format, with a conversion to PNG.</summary>
    internal static SpectraException Unsupported(string format, string path, string? file = null) =>
        SpectraException.Unsupported($"{format} images are not supported ({Supported} are)", file,
            hint: $"convert the file to PNG (ImageMagick: convert {Path.GetFileName(path)} {Path.GetFileNameWithoutExtension(path)}.png; or PIL: Image.open(path).save(path + '.png')), leave it out with an exclude glob, or pass over such files with skip-invalid");

    /// <summary>Image formats recognised by their magic but not decoded: named in the error instead of being ignored.</summary>
    internal static string? UnsupportedFormat(ReadOnlySpan<byte> h)
    {
        if (h.Length >= 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0) || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42))) return "TIFF";
        if (h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8) && (h[8..12].SequenceEqual("avif"u8) || h[8..12].SequenceEqual("heic"u8))) return "AVIF/HEIF";
        if (h.Length >= 12 && h[..12].SequenceEqual(new byte[] { 0, 0, 0, 12, (byte)'j', (byte)'P', (byte)' ', (byte)' ', 13, 10, 135, 10 })) return "JPEG 2000";
        return null;
    }

    public static long MaxExpanded(ImageDecodeLimits limits) => Math.Min(Array.MaxLength, limits.MaxContainerSamples * 8 + 4096);
}
