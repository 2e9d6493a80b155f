using System.Globalization;

namespace Spectra.Tests.TestSupport;

/// <summary>
/// Runs a snippet under Debian's /usr/bin/python3 with numpy (installed by .ci/run) as an
/// independent reference implementation. Data goes in as raw little-endian float64 files.
/// </summary>
public static class NumpyReference
{
    private static readonly Lazy<string?> Missing = new(() => SystemPython.Missing("import numpy", "python3-numpy"));

    /// <summary>Null when numpy is usable; otherwise why not.</summary>
    public static string? Unavailable => Missing.Value;

    /// <summary>Runs <paramref name="script"/> with <c>X</c> (rows × cols, float64) defined; returns the floats it prints, one per line.</summary>
    public static double[] Run(double[] x, int rows, int cols, string script)
    {
        var file = Path.Combine(Path.GetTempPath(), $"spectra-np-{Guid.NewGuid():N}.f64");
        try
        {
            var bytes = new byte[x.Length * 8];
            Buffer.BlockCopy(x, 0, bytes, 0, bytes.Length);
            File.WriteAllBytes(file, bytes);
            var code = "import numpy as np, sys\n" +
                       $"X = np.fromfile(r'{file}', dtype='<f8').reshape({rows}, {cols})\n" + script;
            var output = SystemPython.Run(code);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => double.Parse(l.Trim(), CultureInfo.InvariantCulture)).ToArray();
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>A fact skipped with the reason when Debian's python3-numpy is missing (.ci/run installs it).</summary>
public sealed class NumpyFactAttribute : FactAttribute
{
    public NumpyFactAttribute()
    {
        if (NumpyReference.Unavailable is { } why) Skip = why;
    }
}
