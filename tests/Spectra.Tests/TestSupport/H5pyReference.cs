using System.Diagnostics;

namespace Spectra.Tests.TestSupport;

/// <summary>
/// Debian's /usr/bin/python3 with h5py and numpy (python3-h5py, installed by .ci/run): an independent HDF5
/// writer, so the reader is tested on files the reference library wrote, not on files of its own making.
/// </summary>
public static class H5pyReference
{
    private const string Python = "/usr/bin/python3";
    private static readonly Lazy<string?> Missing = new(() => File.Exists(Python) ? Exec("import h5py, numpy\n", Path.GetTempPath()) : $"{Python} not found");

    /// <summary>Null when h5py is usable; otherwise why not.</summary>
    public static string? Unavailable => Missing.Value;

    /// <summary>Runs <paramref name="script"/> in <paramref name="folder"/> with <c>np</c> and <c>h5py</c> imported; throws with its stderr when it fails.</summary>
    public static void Run(string folder, string script)
    {
        if (Exec("import numpy as np, h5py\n" + script, folder) is { } error) throw new InvalidOperationException(error);
    }

    private static string? Exec(string code, string folder)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        psi.ArgumentList.Add("-");
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(code);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(); return "python timed out"; }
        return p.ExitCode == 0 ? null : $"python3 with h5py failed (apt-get install python3-h5py python3-numpy): {stderr.Result.Trim()}";
    }
}

/// <summary>A fact skipped with the reason when Debian's python3-h5py is missing (.ci/run installs it).</summary>
public sealed class H5pyFactAttribute : FactAttribute
{
    public H5pyFactAttribute()
    {
        if (H5pyReference.Unavailable is { } why) Skip = why;
    }
}
