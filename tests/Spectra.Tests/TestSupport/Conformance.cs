namespace Spectra.Tests.TestSupport;

/// <summary>Locates ../shared/conformance beside the project root (CI always has it; a fresh clone may not).</summary>
public static class Conformance
{
    private static readonly Lazy<string?> RootLazy = new(Find);

    /// <summary>The conformance folder, or null when absent.</summary>
    public static string? Root => RootLazy.Value;

    public static string SkipReason =>
        "../shared/conformance is absent: conformance tests need the shared data folder beside the project (CI has it)";

    /// <summary>Path of a file or folder under the conformance root; only call from a <see cref="ConformanceFactAttribute"/> test.</summary>
    public static string PathOf(params string[] parts) =>
        System.IO.Path.Combine(new[] { Root ?? throw new InvalidOperationException(SkipReason) }.Concat(parts).ToArray());

    /// <summary>The project root (the folder holding Spectra.sln).</summary>
    public static string ProjectRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Spectra.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("project root (Spectra.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("SPECTRA_CONFORMANCE");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", "conformance");
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Spectra.sln")) && Directory.Exists(candidate))
                return System.IO.Path.GetFullPath(candidate);
            dir = dir.Parent;
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with a clear reason, when ../shared/conformance is absent.</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (Conformance.Root is null) Skip = Conformance.SkipReason;
    }
}

/// <summary>A theory that is skipped, with a clear reason, when ../shared/conformance is absent.</summary>
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute()
    {
        if (Conformance.Root is null) Skip = Conformance.SkipReason;
    }
}
