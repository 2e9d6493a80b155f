namespace Spectra.Cli;

/// <summary>
/// How to start this very build of the tool from a batch script, so that cluster tasks run the code that
/// wrote them: the tool's own executable, or the dotnet host and Spectra.Cli.dll when it runs as a dll.
/// </summary>
public static class SelfInvocation
{
    public static IReadOnlyList<string> Command()
    {
        var process = Environment.ProcessPath;
        var name = process is null ? "" : Path.GetFileNameWithoutExtension(process);
        if (process is not null && name is "spectra" or "Spectra.Cli") return [Path.GetFullPath(process)];
        var dll = Path.GetFullPath(typeof(SelfInvocation).Assembly.Location);
        var host = name == "dotnet" ? process! : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : OnPath("dotnet");
        if (host is null)
            throw new SpectraException(SpectraErrorKind.Io, "cannot tell how to start this build of spectra in a batch script",
                hint: "run spectra as its executable or as `dotnet Spectra.Cli.dll`, with dotnet on the PATH");
        return [Path.GetFullPath(host), dll];
    }

    /// <summary>The first executable of that name on the PATH, or null.</summary>
    public static string? OnPath(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
