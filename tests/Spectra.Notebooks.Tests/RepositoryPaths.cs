namespace Spectra.Notebooks.Tests;

/// <summary>Where the repository and the shared conformance files are, found from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    public static string Notebook(string name) => Path.Combine(Notebooks, name);

    public static string DataSamples => Path.Combine(Root, "data-samples");

    /// <summary>../shared/conformance beside the repository (absent on machines without it).</summary>
    public static string Conformance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Spectra.sln"))) return dir.FullName;
        throw new InvalidOperationException("Spectra.sln not found above " + AppContext.BaseDirectory);
    }
}
