namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>`spectra slurm` without a cluster: the scripts it writes, what it prints, and its refusals.</summary>
public class SlurmCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static string Digits => Path.Combine(Spectra.Tests.TestSupport.Conformance.ProjectRoot, "data-samples", "digits");

    [Fact]
    public void Without_submit_it_writes_both_scripts_and_prints_the_sbatch_commands()
    {
        using var temp = new TempFolder();
        var dir = temp.File("run 1");
        var run = Tool.Run("slurm", Digits, "--shards", "3", "--k-top", "4", "--resize", "8x8", "--memory-limit", "3G", "-o", dir);
        Assert.True(run.ExitCode == 0, run.Err);
        var array = File.ReadAllText(Path.Combine(dir, "accumulate.sbatch"));
        var merge = File.ReadAllText(Path.Combine(dir, "merge-analyze.sbatch"));
        Assert.Contains("#SBATCH --array=1-3", array);
        // The load option shapes the shards; the bulk trimming is the analysis's.
        Assert.Contains("--resize 8x8", array);
        Assert.DoesNotContain("--k-top", array);
        Assert.Contains("--k-top 4", merge);
        Assert.DoesNotContain("--resize", merge);
        Assert.Contains("--memory-limit 3G", array);
        Assert.Contains("--memory-limit 3G", merge);
        Assert.Contains("Spectra.Cli", array);
        Assert.Contains("--dependency=afterok:\"$array\" --kill-on-invalid-dep=yes", run.Out);
        Assert.Contains("array=$(sbatch --parsable", run.Out);
    }

    [Fact]
    public void Submit_without_sbatch_is_one_clear_error()
    {
        using var temp = new TempFolder();
        var run = ProcessRunner.Run(Dotnet(), [typeof(SpectraCli).Assembly.Location, "slurm", Digits, "--shards", "2", "-o", temp.File("run"), "--submit"], Limit,
            new Dictionary<string, string> { ["PATH"] = temp.Path });
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("sbatch", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.Single(run.Err.Split('\n'), l => l.StartsWith("error", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("--shards", "0")]
    [InlineData("--time", "two hours")]
    [InlineData("--mem", "lots")]
    public void A_setting_slurm_cannot_read_is_refused_by_name(string option, string value)
    {
        using var temp = new TempFolder();
        var args = new List<string> { "slurm", Digits, "-o", temp.File("run"), option, value };
        if (option != "--shards") args.AddRange(["--shards", "2"]);
        var run = Tool.Run([.. args]);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(option, run.Err);
        Assert.False(File.Exists(temp.File("run/accumulate.sbatch")));
    }

    [Fact]
    public void A_missing_input_is_refused_before_any_script_is_written()
    {
        using var temp = new TempFolder();
        var run = Tool.Run("slurm", temp.File("nothing here"), "--shards", "2", "-o", temp.File("run"));
        Assert.Equal(3, run.ExitCode);
        Assert.False(Directory.Exists(temp.File("run")));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData(null, null)]
    public void Inside_a_slurm_task_the_thread_count_is_the_tasks_cpu_share(string? cpus, string? expected)
    {
        var env = new Dictionary<string, string> { ["SPECTRA_THREADS"] = "" };
        if (cpus is not null) env["SLURM_CPUS_PER_TASK"] = cpus;
        var run = ProcessRunner.Run(Dotnet(), [typeof(SpectraCli).Assembly.Location, "info"], Limit, env);
        Assert.True(run.ExitCode == 0, run.Err);
        var threads = run.Out.Split('\n').Single(l => l.StartsWith("threads:", StringComparison.Ordinal));
        if (expected is not null) Assert.StartsWith("threads: " + expected + " ", threads);
        else if (Environment.ProcessorCount > 1 && run.Out.Contains("backend: openblas", StringComparison.Ordinal))
            Assert.DoesNotContain("threads: 1 ", threads); // outside Slurm the library's default (every core) stays
    }

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : SelfInvocation.OnPath("dotnet") ?? "dotnet";
}
