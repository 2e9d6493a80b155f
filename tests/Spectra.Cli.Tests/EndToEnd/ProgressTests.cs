namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>Progress bars go to standard error on a terminal only, and never with --quiet.</summary>
public class ProgressTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private (string Out, string Err) Run(bool terminal, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, SpectraCli.Run(args, new CliIo(stdout, stderr, terminal)));
        return (stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Bars_for_each_stage_appear_on_a_terminal_and_nowhere_else()
    {
        var data = _tmp.File("x.npy");
        Assert.Equal(0, Tool.Run("simulate", "ugd", "--samples", "300", "--features", "40", "-o", data, "-q").ExitCode);

        var terminal = Run(true, "analyze", data, "--sff-realisations", "0");
        Assert.Contains("accumulating", terminal.Err);
        Assert.Contains("solving", terminal.Err);
        Assert.DoesNotContain("accumulating", terminal.Out);
        Assert.Contains("Spectral fingerprint", terminal.Out);

        var redirected = Run(false, "analyze", data, "--sff-realisations", "0");
        Assert.Equal("", redirected.Err);
        Assert.Contains("Spectral fingerprint", redirected.Out);

        var quiet = Run(true, "analyze", data, "--sff-realisations", "0", "--quiet");
        Assert.Equal("", quiet.Err);
        Assert.Equal("", quiet.Out);
    }
}
