namespace Spectra.Data;

/// <summary>The kinds of input `spectra` reads.</summary>
public enum InputKind
{
    Images,
    Parquet,
    Npy,
    Idx,
    /// <summary>A list of levels: a 1-D .npy array or a text file of numbers, analysed as a spectrum.</summary>
    Levels,
    /// <summary>An accumulator file (.spacc) of `spectra accumulate` or `spectra merge`: the sums of a sharded read.</summary>
    Accumulator,
    /// <summary>A CSV or TSV table (.csv, .tsv, also gzip-compressed as .csv.gz, .tsv.gz): one sample per record.</summary>
    Csv,
    /// <summary>An HDF5 file: one of its datasets, (M, d) a table, (M, H, W[, C]) images.</summary>
    Hdf5,
}

/// <summary>
/// Decides what a path holds: a Parquet file or a folder of them, a NumPy file, a CSV or TSV file (by extension), an IDX file, or an
/// image folder / single image, or a list of levels (a one-dimensional .npy array, a .txt file of numbers). Parquet is recognised by extension or its "PAR1" magic; the image
/// loader recognises the rest by content. A folder is Parquet when it holds at least as many
/// .parquet files as image files (notes such as README files count for neither). The CLI and the
/// fluent API both decide with this one class.
/// </summary>
internal static class InputDetector
{
    public static InputKind Detect(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new SpectraException(SpectraErrorKind.InvalidOption, "no input path given", hint: "give an image folder, a Parquet file or folder, a .npy/.npz file, a CSV or TSV file, an IDX file or a .txt list of levels");
        var status = FileStatusReader.Read(path);
        if (status.Kind == FileKind.Directory) return DetectFolder(path);
        if (status.Kind == FileKind.Missing && !path.Contains('\uFFFD'))
            throw new SpectraException(SpectraErrorKind.Io, "no such file or folder", path, hint: "check the path");
        if (status.Kind != FileKind.Regular) throw RegularFile.Refusal(path, "the input", status);
        if (path.EndsWith(".spacc", StringComparison.OrdinalIgnoreCase) || HasMagic(path, "SPECACC\0"u8)) return InputKind.Accumulator;
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || HasParquetMagic(path)) return InputKind.Parquet;
        if (Csv.CsvRecords.IsCsvName(path)) return InputKind.Csv;
        if (IsHdf5(path)) return InputKind.Hdf5;
        if (LevelsFile.IsTextFile(path) || LevelsFile.IsNpyVector(path)) return InputKind.Levels;
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".npy") || name.EndsWith(".npz")) return InputKind.Npy;
        if (name.Contains("idx") || name.EndsWith("-ubyte") || name.EndsWith("-ubyte.gz")) return InputKind.Idx;
        if (!ImageSource.CanOpen(path) && ImageSource.RecognisedButUnsupported(path) is { } format)
            throw ImageProbe.Unsupported(format, path, path);
        if (!ImageSource.CanOpen(path))
            throw new SpectraException(SpectraErrorKind.Unsupported, "not a format Spectra reads", path,
                hint: "give an image folder, a Parquet file or folder, a .npy/.npz file, a CSV or TSV file, an IDX file or a .txt list of levels");
        return InputKind.Images;
    }

    public static string Name(InputKind kind) => kind switch
    {
        InputKind.Images => "images",
        InputKind.Parquet => "parquet",
        InputKind.Npy => "npy",
        InputKind.Levels => "levels",
        InputKind.Accumulator => "accumulator",
        InputKind.Csv => "csv",
        InputKind.Hdf5 => "hdf5",
        _ => "idx",
    };

    /// <summary>Files looked at in a folder: enough to tell a Parquet folder from an image folder.</summary>
    private const int FolderSample = 10_000;

    /// <summary>
    /// Counts .parquet and image files among the folder's first <see cref="FolderSample"/> files, and
    /// stops as soon as the files left to look at could no longer make Parquet the majority: the image
    /// loader walks the folder again, so a folder of images is listed only about half through here.
    /// </summary>
    private static InputKind DetectFolder(string folder)
    {
        int parquet = 0, images = 0, seen = 0;
        try
        {
            foreach (var f in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                if (seen++ == FolderSample) break;
                if (f.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)) parquet++;
                else if (ImageProbe.LooksLikeImage(f)) images++;
                if (images > parquet + (FolderSample - seen)) return InputKind.Images;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot list the folder: " + e.Message, folder);
        }
        return parquet > 0 && parquet >= images ? InputKind.Parquet : InputKind.Images;
    }

    private static bool HasParquetMagic(string path) => HasMagic(path, "PAR1"u8);

    private static ReadOnlySpan<byte> Hdf5Signature => [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] Hdf5Extensions = [".h5", ".hdf5", ".hdf", ".he5"];

    /// <summary>
    /// By extension, or the HDF5 signature where the format allows it: at offset 0, or after a user block
    /// of 512, 1024, 2048 … bytes (the first few are looked at).
    /// </summary>
    private static bool IsHdf5(string path)
    {
        if (Hdf5Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return true;
        try
        {
            using var f = File.OpenRead(path);
            Span<byte> head = stackalloc byte[8];
            for (long at = 0; at <= 8192 && at + 8 <= f.Length; at = at == 0 ? 512 : at * 2)
            {
                f.Position = at;
                if (f.ReadAtLeast(head, 8, throwOnEndOfStream: false) == 8 && head.SequenceEqual(Hdf5Signature)) return true;
            }
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot read the file: " + e.Message, path);
        }
    }

    private static bool HasMagic(string path, ReadOnlySpan<byte> magic)
    {
        try
        {
            using var f = File.OpenRead(path);
            Span<byte> head = stackalloc byte[magic.Length];
            return f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(magic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot read the file: " + e.Message, path);
        }
    }
}
