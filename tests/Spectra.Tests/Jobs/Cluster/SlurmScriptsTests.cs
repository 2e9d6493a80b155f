using Spectra.Jobs.Cluster;

namespace Spectra.Tests.Jobs.Cluster;

/// <summary>
/// The generated batch scripts, read back by bash itself: with printf standing in for spectra, running a
/// script prints each argument the real tool would receive on a line of its own, so the quoting is
/// checked by the shell that will run it rather than by another reading of the text.
/// </summary>
public class SlurmScriptsTests
{
    private const string Hostile = "/tmp/a folder/it's \"quoted\" $HOME `x` *";

    private static SlurmPlan Plan(string directory, SlurmSettings? settings = null) => new(
        ["/usr/bin/printf", "%s\\n"], Hostile + "/input.idx", directory, settings ?? new SlurmSettings { Shards = 4 },
        ["--seed", "7", "--include", "a b*.png", "--no-center"], ["--seed", "7", "--k-top", "3"]);

    [Fact]
    public void An_array_task_receives_the_input_its_shard_and_its_options_word_for_word()
    {
        var plan = Plan(Hostile + "/run");
        var lines = RunBash(SlurmScripts.ArrayScript(plan), ("SLURM_ARRAY_TASK_ID", "3"));
        Assert.Equal(new[]
        {
            "--quiet", "accumulate", Hostile + "/input.idx", "--shard", "3/4", "-o", Hostile + "/run/shard-3.spacc",
            "--seed", "7", "--include", "a b*.png", "--no-center",
        }, lines);
    }

    [Fact]
    public void The_merge_job_merges_every_shard_of_the_folder_then_analyses_with_the_analysis_options()
    {
        using var dir = new TempDir("spectra slurm 'merge'");
        foreach (var i in new[] { 2, 1, 10 }) File.WriteAllText(Path.Combine(dir.Path, $"shard-{i}.spacc"), "");
        var plan = Plan(dir.Path, new SlurmSettings { Shards = 10 });
        var lines = RunBash(SlurmScripts.MergeScript(plan));
        var analyzeAt = lines.IndexOf("analyze");
        Assert.True(analyzeAt > 0, string.Join("\n", lines));
        var merge = lines[..analyzeAt];
        Assert.Equal("merge", merge[0]);
        // The order on the command line is the glob's; merge itself orders by the index each file records.
        Assert.Equal(new[] { 1, 10, 2 }.Select(i => Path.Combine(dir.Path, $"shard-{i}.spacc")), merge[1..^2]);
        Assert.Equal(new[] { "-o", plan.Merged }, merge[^2..]);
        Assert.Equal(new[] { "analyze", plan.Merged, "--json", plan.JsonReport, "--html", plan.HtmlReport, "--seed", "7", "--k-top", "3" }, lines[analyzeAt..]);
    }

    [Fact]
    public void A_newline_in_the_input_path_stays_inside_its_quotes_and_out_of_the_header_comment()
    {
        var plan = Plan("/scratch/run") with { Input = "/data/new\nrm -rf x/in.idx" };
        var text = SlurmScripts.ArrayScript(plan);
        Assert.Contains("# Written by `spectra slurm`: accumulates shard I of 4 of /data/new rm -rf x/in.idx.\n", text);
        // printf prints the one argument holding the newline as two lines; bash ran nothing else (stderr is empty).
        var lines = RunBash(text, ("SLURM_ARRAY_TASK_ID", "1"));
        Assert.Equal(new[] { "--quiet", "accumulate", "/data/new", "rm -rf x/in.idx", "--shard", "1/4" }, lines.Take(6));
    }

    [Fact]
    public void The_array_script_asks_for_one_task_per_shard_and_the_resources_given()
    {
        var settings = new SlurmSettings { Shards = 12, Partition = "gpu,cpu", Time = "1-02:00:00", CpusPerTask = 8, Memory = "16G" }.Validated();
        var text = SlurmScripts.ArrayScript(Plan("/scratch/run", settings));
        var directives = text.Split('\n').Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[]
        {
            "#SBATCH --job-name=spectra-accumulate", "#SBATCH --array=1-12", "#SBATCH --partition=gpu,cpu", "#SBATCH --time=1-02:00:00",
            "#SBATCH --cpus-per-task=8", "#SBATCH --mem=16G",
        }, directives);
        Assert.DoesNotContain("--array", SlurmScripts.MergeScript(Plan("/scratch/run", settings)));
        Assert.Contains("#SBATCH --mem=16G", SlurmScripts.MergeScript(Plan("/scratch/run", settings)));
    }

    [Fact]
    public void Resources_left_out_are_left_to_the_cluster_defaults()
    {
        var text = SlurmScripts.ArrayScript(Plan("/scratch/run"));
        Assert.DoesNotContain("--partition", text);
        Assert.DoesNotContain("--time", text);
        Assert.DoesNotContain("--cpus-per-task", text);
        Assert.DoesNotContain("--mem", text);
    }

    [Fact]
    public void The_merge_job_waits_for_every_task_and_is_cancelled_when_one_fails()
    {
        var plan = Plan("/scratch/run");
        var args = SlurmScripts.MergeSubmission(plan, "4711");
        Assert.Contains("--dependency=afterok:4711", args);
        Assert.Contains("--kill-on-invalid-dep=yes", args);
        Assert.Contains("--parsable", args);
        Assert.Equal(plan.MergeScript, args[^1]);
        Assert.Equal(new[] { "--parsable", "--output=/scratch/run/logs/accumulate-%A_%a.out", "/scratch/run/accumulate.sbatch" }, SlurmScripts.ArraySubmission(plan));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("/a/b-c_d.e", "/a/b-c_d.e")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("$x", "'$x'")]
    public void Words_are_quoted_only_when_the_shell_would_read_them_otherwise(string word, string quoted) =>
        Assert.Equal(quoted, ShellQuote.Word(word));

    [Theory]
    [InlineData(0, null, null, null)]
    [InlineData(1001, null, null, null)]
    [InlineData(4, "a b", null, null)]
    [InlineData(4, "p\n#SBATCH --x", null, null)]
    [InlineData(4, null, "2 hours", null)]
    [InlineData(4, null, null, "4 GB")]
    [InlineData(4, null, null, "0")]
    public void A_value_an_sbatch_line_cannot_hold_is_refused_by_its_option(int shards, string? partition, string? time, string? memory)
    {
        var e = Assert.Throws<SpectraException>(() => new SlurmSettings { Shards = shards, Partition = partition, Time = time, Memory = memory }.Validated());
        Assert.Equal(SpectraErrorKind.InvalidOption, e.Kind);
        var option = shards is < 1 or > 1000 ? "--shards" : partition is not null ? "--partition" : time is not null ? "--time" : "--mem";
        Assert.StartsWith(option + " '", e.Reason);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("45:00")]
    [InlineData("2:00:00")]
    [InlineData("1-00")]
    [InlineData("1-12:30:00")]
    [InlineData("UNLIMITED")]
    public void Slurm_time_limits_are_accepted(string time) => new SlurmSettings { Shards = 2, Time = time }.Validated();

    [Fact]
    public void A_folder_holding_shards_of_an_earlier_run_is_refused()
    {
        using var dir = new TempDir("spectra-slurm-stale");
        File.WriteAllText(Path.Combine(dir.Path, "shard-2.spacc"), "");
        var e = Assert.Throws<SpectraException>(() => SlurmScripts.Write(Plan(dir.Path)));
        Assert.Contains("earlier run", e.Reason);
        Assert.EndsWith("shard-2.spacc", e.File);
    }

    [Fact]
    public void Written_scripts_are_executable_and_the_log_folder_exists()
    {
        using var dir = new TempDir("spectra-slurm-write");
        var plan = Plan(Path.Combine(dir.Path, "run"));
        SlurmScripts.Write(plan);
        Assert.True(Directory.Exists(plan.Logs));
        Assert.Equal(SlurmScripts.ArrayScript(plan), File.ReadAllText(plan.ArrayScript));
        if (!OperatingSystem.IsWindows()) Assert.True(File.GetUnixFileMode(plan.MergeScript).HasFlag(UnixFileMode.UserExecute));
    }

    private static List<string> RunBash(string script, params (string Name, string Value)[] environment)
    {
        var psi = new ProcessStartInfo("/bin/bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment.Remove("SLURM_ARRAY_TASK_ID");
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(script);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(10_000), "bash did not finish");
        Assert.True(p.ExitCode == 0 && stderr.Result.Length == 0, "bash: " + stderr.Result);
        return stdout.Result.Split('\n').SkipLast(1).ToList();
    }

    private sealed class TempDir : IDisposable
    {
        public TempDir(string stem)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), stem + "-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, true);
    }
}
