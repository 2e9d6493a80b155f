namespace Spectra.Data.Images;

/// <summary>
/// Bounds a decoder checks against a file's header before it allocates anything, so that a
/// corrupt or hostile header cannot make it ask for gigabytes.
/// </summary>
internal sealed record ImageDecodeLimits
{
    /// <summary>Largest width × height (per image) a decoder accepts; 100 megapixels by default.</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>Largest total number of samples a multi-image container (NPY stack, IDX) may hold.</summary>
    public long MaxContainerSamples { get; init; } = 1_000_000_000;

    /// <summary>
    /// A two-dimensional NPY array is M samples × d features, the way numpy and scikit-learn users save a
    /// table, rather than one H × W image: true when the array is the input itself, false inside an image
    /// folder and for single-image mode.
    /// </summary>
    public bool MatricesAreTables { get; init; }

    public static ImageDecodeLimits Default { get; } = new();

    internal void CheckPixels(long width, long height, string codec)
    {
        if (width <= 0 || height <= 0)
            throw SpectraException.Invalid($"{codec} header gives an empty image ({width} × {height})");
        if (width > MaxPixels || height > MaxPixels || width * height > MaxPixels)
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                $"{codec} header claims {width} × {height} pixels, more than the limit of {MaxPixels} pixels",
                hint: "raise the pixel limit (MaxPixels) if the image is genuine");
    }

    internal void CheckContainer(long images, long samplesPerImage, string codec)
    {
        if (images < 0 || samplesPerImage <= 0 || (images > 0 && samplesPerImage > MaxContainerSamples / images))
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                $"{codec} header claims {images} images of {samplesPerImage} samples, more than the limit of {MaxContainerSamples} samples",
                hint: "raise MaxContainerSamples if the file is genuine");
    }
}
