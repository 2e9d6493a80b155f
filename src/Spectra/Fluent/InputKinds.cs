using Spectra.Data.Images;

namespace Spectra.Fluent;

/// <summary>
/// What a path holds, decided the way the CLI decides it: Parquet by extension or its "PAR1" magic
/// (a folder when most of its files are .parquet), everything else the image loader reads by content
/// (image folders, single images, .npy / .npz, IDX).
/// </summary>
internal static class InputKinds
{
    public const string Images = "images";
    public const string Parquet = "parquet";

    public static string Detect(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new SpectraException(SpectraErrorKind.InvalidOption, "no input path given", hint: "give a folder or a file: Dataset.Load(\"./images\")");
        if (Directory.Exists(path))
        {
            var files = ListFiles(path);
            var parquet = files.Count(f => f.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase));
            return parquet > 0 && parquet * 2 >= files.Count ? Parquet : Images;
        }
        if (!File.Exists(path))
            throw new SpectraException(SpectraErrorKind.Io, "no such file or folder", path,
                hint: $"check the path (relative paths start at {Directory.GetCurrentDirectory()})");
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || HasParquetMagic(path)) return Parquet;
        if (!ImageSource.CanOpen(path))
            throw new SpectraException(SpectraErrorKind.Unsupported, "not a format Spectra reads", path,
                hint: "give an image folder, a Parquet file or folder, a .npy/.npz file or an IDX file");
        return Images;
    }

    private static List<string> ListFiles(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Take(10_000).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot list the folder: " + e.Message, folder);
        }
    }

    private static bool HasParquetMagic(string path)
    {
        try
        {
            using var f = File.OpenRead(path);
            Span<byte> head = stackalloc byte[4];
            return f.Read(head) == 4 && head.SequenceEqual("PAR1"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot read the file: " + e.Message, path);
        }
    }
}
