namespace Spectra.Data.Images;

/// <summary>How pixels become features: one luma plane, or red, green and blue planes.</summary>
public enum ImageColorMode
{
    /// <summary>Luma Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601), one feature per pixel.</summary>
    Gray,
    /// <summary>Three features per pixel; gray images are replicated into all three.</summary>
    Rgb,
}

/// <summary>Options of an image source. Immutable; the defaults suit a folder of same-sized images.</summary>
internal sealed record ImageSourceOptions
{
    public ImageColorMode Color { get; init; } = ImageColorMode.Gray;

    /// <summary>Keep alpha as one more feature per pixel (1 where an image has none); dropped by default.</summary>
    public bool KeepAlpha { get; init; }

    /// <summary>Resize every image to this width (with <see cref="ResizeHeight"/>); null keeps sizes and requires them equal.</summary>
    public int? ResizeWidth { get; init; }

    public int? ResizeHeight { get; init; }

    /// <summary>
    /// With a resize: decode a JPEG at 1/2, 1/4 or 1/8 scale first when that still covers the target
    /// (<see cref="Codecs.Jpeg.DraftScale"/>), then box-average as usual. Faster; the pixels differ
    /// slightly from a full decode's, so it is off by default.
    /// </summary>
    public bool JpegDraft { get; init; }

    /// <summary>The size a draft decode must still cover; null when no draft decode is asked for.</summary>
    internal (int Width, int Height)? DraftTarget => JpegDraft && ResizeWidth is int w && ResizeHeight is int h ? (w, h) : null;

    /// <summary>Globs a file's path relative to the folder must match (any of them); empty means every file.
    /// '*' stays within a folder, '**' crosses folders, '?' is one character; a glob without '/' matches the file name.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs of files to leave out, applied after <see cref="Include"/>.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>A regular expression whose one group, found in a file's relative path, is its label (instead of the first subfolder).</summary>
    public string? LabelPattern { get; init; }

    /// <summary>Read at most this many images, a random subset chosen with <see cref="Seed"/> (kept in file order).</summary>
    public int? MaxSamples { get; init; }

    public int Seed { get; init; }

    /// <summary>Pass over unreadable files and list them, with the reason, in <see cref="SourceInfo.Skipped"/>.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Largest image (width × height) a header may claim; checked before any allocation.</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>
    /// Bytes of small files (up to 64 KB each) kept from the header pass so that reading them needs no
    /// second open; a fixed budget, so memory stays bounded whatever the number of images. 0 disables it.
    /// </summary>
    public long CacheBytes { get; init; } = 64L << 20;

    /// <summary>Threads decoding files at once; 0 means one per processor.</summary>
    public int DegreeOfParallelism { get; init; }

    /// <summary>How many files are probed or decoded at once.</summary>
    internal ParallelOptions Parallelism() => new()
    {
        MaxDegreeOfParallelism = DegreeOfParallelism > 0 ? DegreeOfParallelism : Environment.ProcessorCount,
    };

    public int ChannelsPerPixel => (Color == ImageColorMode.Gray ? 1 : 3) + (KeepAlpha ? 1 : 0);

    /// <summary>Read only this shard: a contiguous share of a folder's sorted files, or of one file's images.</summary>
    internal ShardSelection? Shard { get; init; }

    /// <summary>A two-dimensional NPY array is a table of samples (see <see cref="ImageDecodeLimits.MatricesAreTables"/>).</summary>
    internal bool MatricesAreTables { get; init; }

    internal ImageDecodeLimits Limits => new() { MaxPixels = MaxPixels, MatricesAreTables = MatricesAreTables };

    internal void Validate()
    {
        if ((ResizeWidth is null) != (ResizeHeight is null))
            throw new SpectraException(SpectraErrorKind.InvalidOption, "resize needs both a width and a height");
        if (ResizeWidth is <= 0 || ResizeHeight is <= 0)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"resize size {ResizeWidth}×{ResizeHeight} must be positive");
        if ((long?)ResizeWidth * ResizeHeight > Math.Min(MaxPixels, OptionLimits.MaxResizePixels))
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"resize size {ResizeWidth}×{ResizeHeight} exceeds the pixel limit {Math.Min(MaxPixels, OptionLimits.MaxResizePixels)}");
        if (JpegDraft && ResizeWidth is null)
            throw new SpectraException(SpectraErrorKind.InvalidOption, "a JPEG draft decode needs a resize target");
        if (MaxSamples is <= 0) throw new SpectraException(SpectraErrorKind.InvalidOption, $"max samples must be positive, got {MaxSamples}");
        if (MaxPixels <= 0) throw new SpectraException(SpectraErrorKind.InvalidOption, "the pixel limit must be positive");
        if (CacheBytes < 0) throw new SpectraException(SpectraErrorKind.InvalidOption, "the cache budget must be 0 or positive");
        if (DegreeOfParallelism < 0) throw new SpectraException(SpectraErrorKind.InvalidOption, "degree of parallelism must be 0 (auto) or positive");
    }
}
