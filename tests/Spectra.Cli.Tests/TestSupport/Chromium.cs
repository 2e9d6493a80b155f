using System.Diagnostics;

namespace Spectra.Cli.Tests.TestSupport;

/// <summary>Debian's headless Chromium (installed by .ci/run), driven through its command line.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool Available => File.Exists(Path);

    public static string SkipReason => $"{Path} is absent: install Debian's chromium (apt-get install -y chromium; .ci/run does) to render the HTML report";

    /// <summary>Runs chromium headless on a local file with the given extra switches and returns its standard output.</summary>
    public static string Run(string file, int width, int height, params string[] switches)
    {
        var psi = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1", $"--window-size={width},{height}" })
            psi.ArgumentList.Add(a);
        // A fresh profile per run: no dependence on HOME, no state shared between runs.
        var profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spectra-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        psi.ArgumentList.Add("--user-data-dir=" + profile);
        foreach (var s in switches) psi.ArgumentList.Add(s);
        psi.ArgumentList.Add(new Uri(file).AbsoluteUri);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("chromium did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(180)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 180 s: " + stderr.Result);
        }
        try { Directory.Delete(profile, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return stdout.Result;
    }
}

/// <summary>A fact skipped, with the reason, when /usr/bin/chromium is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.Available) Skip = Chromium.SkipReason;
    }
}
