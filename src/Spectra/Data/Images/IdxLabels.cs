namespace Spectra.Data.Images;

/// <summary>
/// The class labels of an IDX image stack, from the labels file MNIST-style datasets ship beside it
/// (`t10k-images-idx3-ubyte.gz` → `t10k-labels-idx1-ubyte.gz`): one unsigned byte per image, so that
/// `spectra classes` and per-label spectra work on the stack as they do on class subfolders.
/// </summary>
internal static class IdxLabels
{
    private const string ImagesPart = "images-idx3-ubyte", LabelsPart = "labels-idx1-ubyte";

    private static readonly string[] Names = Enumerable.Range(0, 256).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Whether the file is named as MNIST names its images files (<c>t10k-images-idx3-ubyte[.gz]</c>).</summary>
    public static bool IsImagesName(string path) => Path.GetFileName(path).Contains(ImagesPart, StringComparison.OrdinalIgnoreCase);

    /// <summary>The labels file beside an images file named the MNIST way (gzipped or not), or null.</summary>
    public static string? CompanionOf(string imagesPath)
    {
        var name = Path.GetFileName(imagesPath);
        int at = name.IndexOf(ImagesPart, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var stem = name[..at] + LabelsPart;
        var folder = Path.GetDirectoryName(imagesPath) ?? "";
        foreach (var candidate in new[] { stem + name[(at + ImagesPart.Length)..], stem + ".gz", stem })
        {
            var path = Path.Combine(folder, candidate);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>
    /// The labels of <paramref name="count"/> images as strings ("0" … "255"). A file that is not a
    /// one-dimensional unsigned-byte IDX file, or holds another number of labels, is an error naming it:
    /// pairing labels with the wrong images would make every per-class result wrong.
    /// </summary>
    public static string[] Read(string path, int count)
    {
        var file = Path.GetFileName(path);
        const string Hint = "fix the labels file or move it away from the images file";
        // A link to /dev/zero, or a file far larger than the labels of this stack, is refused before it is read.
        var status = FileStatusReader.Read(path);
        if (status.Kind != FileKind.Regular) throw RegularFile.Refusal(file, "the labels file", status, Hint);
        long expected = 8L + count;
        if (status.Size > 2 * expected + 4096)
            throw SpectraException.Invalid($"the labels file holds {status.Size} bytes; the labels of {count} images need {expected}", file, hint: Hint);
        byte[] d;
        try
        {
            // Eight header bytes and one byte per label: anything longer is not this stack's labels file.
            d = ImageFormats.ReadAll(path, 8L + count + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot read the labels file (" + e.Message + ")", file);
        }
        catch (SpectraException e)
        {
            throw e.WithFile(file);
        }
        if (d.Length < 8 || d[0] != 0 || d[1] != 0 || d[2] != 0x08 || d[3] != 1)
            throw SpectraException.Invalid("the labels file is not a one-dimensional IDX file of unsigned bytes (*-idx1-ubyte)", file, hint: Hint);
        long declared = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(4));
        if (declared != count)
            throw SpectraException.Invalid($"the labels file declares {declared} labels for {count} images", file, hint: Hint);
        if (d.Length != 8 + count)
            throw SpectraException.Invalid($"the labels file holds {d.Length - 8} label bytes where its header declares {count}", file, hint: Hint);
        var labels = new string[count];
        for (int i = 0; i < count; i++) labels[i] = Names[d[8 + i]];
        return labels;
    }
}
