namespace Spectra.Tests.TestSupport;

/// <summary>Debian's /usr/bin/python3 with PIL (python3-pil, installed by .ci/run): an independent image writer and decoder.</summary>
public static class PilReference
{
    private const string Python = "/usr/bin/python3";
    private static readonly Lazy<string?> Missing = new(() => RunQuiet("-c", "import numpy, PIL.features as f; assert f.check('webp'), 'PIL without WebP'"));

    /// <summary>Null when PIL (with WebP) is usable; otherwise why not.</summary>
    public static string? Unavailable => Missing.Value;

    /// <summary>Runs a script from tools/ with arguments; throws with its stderr when it fails.</summary>
    public static void RunTool(string relativeScript, params string[] args)
    {
        var script = Path.Combine(Conformance.ProjectRoot, relativeScript);
        if (RunQuiet([script, .. args]) is { } error) throw new InvalidOperationException(error);
    }

    private static string? RunQuiet(params string[] args)
    {
        if (!File.Exists(Python)) return $"{Python} not found";
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(); return "python timed out"; }
        return p.ExitCode == 0 ? null : $"python3 with PIL failed (apt-get install python3-pil python3-numpy): {stderr.Result.Trim()}";
    }
}

/// <summary>A fact skipped with the reason when Debian's python3-pil is missing (.ci/run installs it).</summary>
public sealed class PilFactAttribute : FactAttribute
{
    public PilFactAttribute()
    {
        if (PilReference.Unavailable is { } why) Skip = why;
    }
}

/// <summary>A theory skipped with the reason when Debian's python3-pil is missing.</summary>
public sealed class PilTheoryAttribute : TheoryAttribute
{
    public PilTheoryAttribute()
    {
        if (PilReference.Unavailable is { } why) Skip = why;
    }
}
