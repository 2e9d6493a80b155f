namespace Spectra.Cli;

/// <summary>Writes a requested output file, turning file-system errors into one clear message.</summary>
public static class OutputFile
{
    public static void Write(string path, string content)
    {
        if (Directory.Exists(path))
            throw new SpectraException(SpectraErrorKind.Io, "the output is a folder, not a file", path, hint: "give a file name inside it, e.g. " + Path.Combine(path, "report.html"));
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            File.WriteAllText(path, content, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot write the output: " + e.Message, path, hint: "check that the folder exists and is writable");
        }
    }
}
