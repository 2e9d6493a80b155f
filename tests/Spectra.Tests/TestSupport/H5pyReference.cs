namespace Spectra.Tests.TestSupport;

/// <summary>
/// Debian's /usr/bin/python3 with h5py and numpy (python3-h5py, installed by .ci/run): an independent HDF5
/// writer, so the reader is tested on files the reference library wrote, not on files of its own making.
/// </summary>
public static class H5pyReference
{
    private static readonly Lazy<string?> Missing = new(() => SystemPython.Missing("import h5py, numpy", "python3-h5py python3-numpy"));

    /// <summary>Null when h5py is usable; otherwise why not.</summary>
    public static string? Unavailable => Missing.Value;

    /// <summary>Runs <paramref name="script"/> in <paramref name="folder"/> with <c>np</c> and <c>h5py</c> imported; throws with its stderr when it fails.</summary>
    public static void Run(string folder, string script) => SystemPython.Run("import numpy as np, h5py\n" + script, folder);
}

/// <summary>A fact skipped with the reason when Debian's python3-h5py is missing (.ci/run installs it).</summary>
public sealed class H5pyFactAttribute : FactAttribute
{
    public H5pyFactAttribute()
    {
        if (H5pyReference.Unavailable is { } why) Skip = why;
    }
}
