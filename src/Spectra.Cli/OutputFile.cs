using System.Text;

namespace Spectra.Cli;

/// <summary>Writes a requested output file, turning file-system errors into one clear message.</summary>
public static class OutputFile
{
    public static void Write(string path, string content)
    {
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
