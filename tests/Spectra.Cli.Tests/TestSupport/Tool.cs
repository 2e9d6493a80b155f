namespace Spectra.Cli.Tests.TestSupport;

/// <summary>The result of one in-process run of the tool.</summary>
public sealed record CliRun(int ExitCode, string Out, string Err);

/// <summary>Runs the `spectra` command in-process with captured output.</summary>
public static class Tool
{
    public static CliRun Run(params string[] args)
    {
        var io = CliIo.Capture(out var stdout, out var stderr);
        var code = SpectraCli.Run(args, io);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A temporary folder removed when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spectra-cli-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
