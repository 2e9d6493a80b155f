namespace Spectra.Notebooks.KernelTests;

/// <summary>Where the repository, its notebooks and the library the notebooks load are, found from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>The folder the notebooks' first cell references (`#r "../artifacts/spectra/Spectra.dll"`).</summary>
    public static string PublishedLibrary => Path.Combine(Root, "artifacts", "spectra", "Spectra.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Spectra.sln"))) return dir.FullName;
        throw new InvalidOperationException("Spectra.sln not found above " + AppContext.BaseDirectory);
    }
}
