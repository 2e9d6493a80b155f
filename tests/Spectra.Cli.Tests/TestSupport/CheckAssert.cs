namespace Spectra.Cli.Tests.TestSupport;

/// <summary>Assertions on a `spectra check` run's exit code and rule table.</summary>
public static class CheckAssert
{
    /// <summary>The check failed (exit 2), and on <paramref name="metric"/>'s rule among others.</summary>
    public static void FailsOn(CliRun run, string metric)
    {
        Assert.True(run.ExitCode == 2, $"expected fail (2), got {run.ExitCode}\n{run.Out}\n{run.Err}");
        Assert.Matches($@"│ {System.Text.RegularExpressions.Regex.Escape(metric)}\s+│ fail", run.Out);
    }
}
