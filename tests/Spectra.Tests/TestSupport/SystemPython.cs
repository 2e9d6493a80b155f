using System.Diagnostics;

namespace Spectra.Tests.TestSupport;

/// <summary>
/// Debian's /usr/bin/python3 (its python3-numpy, -h5py, -pil packages, installed by .ci/run), the independent
/// writer and reference the tests compare against. The first python3 on PATH may lack those packages.
/// </summary>
public static class SystemPython
{
    public const string Path = "/usr/bin/python3";

    /// <summary>Runs <paramref name="code"/> (fed on stdin) in <paramref name="folder"/>; returns what it printed, or throws with its stderr.</summary>
    public static string Run(string code, string? folder = null)
    {
        var psi = new ProcessStartInfo(Path) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        if (folder is not null) psi.WorkingDirectory = folder;
        psi.ArgumentList.Add("-");
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(code);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill();
            throw new TimeoutException("python3 timed out");
        }
        if (p.ExitCode != 0) throw new InvalidOperationException("python3 failed: " + stderr.Result.Trim());
        return stdout.Result;
    }

    /// <summary>Null when <paramref name="imports"/> (e.g. "import numpy") run; else why not, with the package to install.</summary>
    public static string? Missing(string imports, string package)
    {
        if (!File.Exists(Path)) return $"{Path} not found";
        try
        {
            Run(imports + "\n");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            return $"{imports} failed under {Path} (apt-get install {package}): {e.Message}";
        }
    }
}
