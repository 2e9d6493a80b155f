namespace Spectra.Data.Images;

/// <summary>Entry point: an image folder, or a single image / NPY / NPZ / IDX file, as a data source.</summary>
internal static class ImageSource
{
    public static ImageFolderSource Open(string path, ImageSourceOptions? options = null) => new(path, options);

    /// <summary>Whether a path is something this loader reads: a folder, or a file whose magic a codec knows (gzipped or not).</summary>
    public static bool CanOpen(string path)
    {
        if (Directory.Exists(path)) return true;
        if (!File.Exists(path)) return false;
        try
        {
            return ImageFormats.Detect(ImageFormats.ReadHead(path, 64)) is not null;
        }
        catch (Exception e) when (e is SpectraException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The name of an image format the file's magic shows but no codec reads (TIFF, AVIF/HEIF, JPEG 2000), or null.</summary>
    internal static string? RecognisedButUnsupported(string path)
    {
        try
        {
            return ImageProbe.UnsupportedFormat(ImageFormats.ReadHead(path, 64));
        }
        catch (Exception e) when (e is SpectraException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
