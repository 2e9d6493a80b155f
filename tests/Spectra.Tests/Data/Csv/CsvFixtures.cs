namespace Spectra.Tests.Data.Csv;

/// <summary>
/// Writes CSV fixtures with numpy (Debian's /usr/bin/python3), an independent writer: what it writes is
/// what other tools hand Spectra. Tests that need it are <see cref="Spectra.Tests.TestSupport.NumpyFactAttribute"/>s.
/// </summary>
internal static class CsvFixtures
{
    public static void Python(string code) => Spectra.Tests.TestSupport.SystemPython.Run(code);
}

/// <summary>A temporary folder, deleted with the test class.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spectra-csv-" + Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
