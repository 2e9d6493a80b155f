namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>--memory-limit sets the run's one budget; going over it, or giving a bad size, is one message and exit 3.</summary>
public sealed class MemoryLimitTests
{
    private static string Digits => Path.Combine(Spectra.Tests.TestSupport.Conformance.ProjectRoot, "data-samples", "digits");

    [Fact]
    public void A_resize_over_the_limit_names_the_input_and_the_ways_out()
    {
        var run = Tool.Run("analyze", Digits, "--resize", "3000x3000", "--memory-limit", "1G", "-q");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("limit exceeded", run.Err);
        Assert.Contains("digits", run.Err);
        Assert.Contains("--max-samples", run.Err);
        Assert.Contains("--memory-limit", run.Err);
        Assert.DoesNotContain("internal error", run.Err);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("1K")]
    public void A_size_that_is_not_one_or_too_small_is_an_option_error(string size)
    {
        var run = Tool.Run("analyze", Digits, "--memory-limit", size, "-q");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("memory limit", run.Err.Replace("--memory-limit", "memory limit"));
    }

    [Fact]
    public void A_billion_replicates_are_refused_before_any_work()
    {
        using var folder = new TempFolder();
        var run = Tool.Run("baseline", Digits, "--replicates", "1000000000", "-o", folder.File("b.json"), "-q");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("--replicates must be 2…1000", run.Err);
    }
}
