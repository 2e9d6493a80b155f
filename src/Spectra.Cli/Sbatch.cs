using System.Diagnostics;

namespace Spectra.Cli;

/// <summary>Submits a batch script with the cluster's own sbatch and reads back the job id.</summary>
public static class Sbatch
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    /// <summary>The sbatch on the PATH, or one clear error when this machine cannot submit jobs.</summary>
    public static string Locate() => SelfInvocation.OnPath("sbatch") ?? throw new SpectraException(SpectraErrorKind.Io,
        "--submit needs Slurm's sbatch, and it is not on the PATH",
        hint: "run spectra slurm on a login node of the cluster (or load its Slurm module), or leave out --submit and submit the scripts yourself");

    /// <summary>Runs sbatch --parsable …; returns the job id (the part before a ";cluster" suffix).</summary>
    public static string Submit(string sbatch, IReadOnlyList<string> arguments, string script)
    {
        var psi = new ProcessStartInfo(sbatch) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new SpectraException(SpectraErrorKind.Io, "sbatch did not start", file: sbatch);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new SpectraException(SpectraErrorKind.Io, $"sbatch did not answer within {Limit.TotalSeconds:0} s", file: script,
                hint: "check that the Slurm controller is up (`sinfo`)");
        }
        var output = stdout.Result.Trim();
        var id = output.Split(';')[0].Trim();
        if (process.ExitCode != 0 || id.Length == 0 || !id.All(char.IsAsciiDigit))
            throw new SpectraException(SpectraErrorKind.Io, $"sbatch refused the script (exit {process.ExitCode}): {FirstLine(stderr.Result.Trim() is { Length: > 0 } e ? e : output)}",
                file: script, hint: "the script is written; fix the cause and submit it with the sbatch command printed without --submit");
        return id;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
