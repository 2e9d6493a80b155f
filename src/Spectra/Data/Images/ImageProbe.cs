namespace Spectra.Data.Images;

/// <summary>A file found by the walk, with the codec its magic names and the header that codec read.</summary>
internal sealed record ProbedFile(string RelativePath, string FullPath, IImageCodec Codec, ImageHeader Header, string? Label)
{
    /// <summary>The whole file, kept from the probe read when it was small and the cache budget allowed (saves a second open).</summary>
    public byte[]? Cached { get; init; }
}

/// <summary>A byte budget shared by the threads of a probe pass.</summary>
internal sealed class CacheBudget(long bytes)
{
    private long _left = bytes;

    public bool TryTake(long n)
    {
        if (Interlocked.Add(ref _left, -n) >= 0) return true;
        Interlocked.Add(ref _left, n);
        return false;
    }
}

/// <summary>The header pass: which files are images, and how large. Headers are cheap, so every file is probed before any is decoded.</summary>
internal static class ImageProbe
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".pbm", ".pgm", ".ppm", ".pnm", ".pam", ".bmp", ".dib", ".npy", ".npz",
    };

    /// <summary>Whether a file's name says it should be an image (a file like that with unknown magic is an error, not noise).</summary>
    public static bool LooksLikeImage(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        return ImageExtensions.Contains(Path.GetExtension(name)) || name.Contains("-idx", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Probes one file: null when it is not an image format at all (and not named like one).</summary>
    public static ProbedFile? Probe(string root, string relative, ImageDecodeLimits limits, bool labelled, CacheBudget? cache = null)
    {
        string full = relative.Length == 0 ? root : Path.Combine(root, relative);
        string name = relative.Length == 0 ? Path.GetFileName(root) : relative;
        try
        {
            byte[] head;
            byte[]? whole = null;
            try
            {
                var (prefix, length) = ImageFormats.ReadPrefix(full);
                if (prefix.Length == length) whole = prefix;
                head = ImageFormats.IsGzip(prefix) ? ImageFormats.GunzipHead(whole ?? File.ReadAllBytes(full)) : prefix;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SpectraException(SpectraErrorKind.Io, "cannot read the file (" + e.Message + ")", name);
            }
            var codec = ImageFormats.Detect(head);
            if (codec is null)
            {
                if (!LooksLikeImage(full)) return null;
                throw SpectraException.Invalid("the file's content is not a supported image format (PNG, JPEG, Netpbm, BMP, NPY, NPZ, IDX)",
                    hint: "check that the file is not truncated or mislabelled");
            }
            var header = codec.TryReadHeader(head, limits)
                         ?? codec.Open(ImageFormats.ReadAll(full, MaxExpanded(limits)), limits).Header;
            int slash = relative.IndexOf('/');
            string? label = labelled && slash > 0 ? relative[..slash] : null;
            bool keep = whole is not null && cache is not null && cache.TryTake(whole.Length);
            return new ProbedFile(name, full, codec, header, label) { Cached = keep ? whole : null };
        }
        catch (SpectraException e)
        {
            throw e.WithFile(name);
        }
    }

    public static long MaxExpanded(ImageDecodeLimits limits) => Math.Min(Array.MaxLength, limits.MaxContainerSamples * 8 + 4096);
}
