namespace Spectra.Tests.Data.Images;

/// <summary>Small committed inputs written by tools/fixtures/images/make_test_arrays.py (numpy, PIL).</summary>
internal static class TestData
{
    public static string PathOf(string name) => Path.Combine(Conformance.ProjectRoot, "tests", "Spectra.Tests", "Data", "Images", "Data", name);

    /// <summary>The closed formula every committed array follows: m·1000 + y·100 + x·10 + c.</summary>
    public static int Formula(int m, int y, int x, int c) => m * 1000 + y * 100 + x * 10 + c;

    public static string Sha256(IEnumerable<byte> bytes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()));

    /// <summary>A temporary folder deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = Directory.CreateTempSubdirectory("spectra-images-").FullName;
        }

        public string Path { get; }

        public string Write(string relative, byte[] bytes)
        {
            var full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
            return full;
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, true); } catch (IOException) { }
        }
    }
}
