namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// Runs when a local Slurm cluster can be started and this build has the shard commands. Without the
/// Slurm binaries it is skipped, except under CI=true, where their absence is a failure (.ci/run installs them).
/// </summary>
public sealed class SlurmClusterFactAttribute : FactAttribute
{
    /// <param name="shardCommands">Whether the test needs the jobs to succeed, and so `spectra accumulate` and `merge`.</param>
    public SlurmClusterFactAttribute(bool shardCommands = true)
    {
        if (Conformance.Root is null) Skip = Conformance.SkipReason;
        else if (SlurmCluster.Unavailable() is { } reason && Environment.GetEnvironmentVariable("CI") != "true") Skip = reason + " (under CI=true this fails)";
        else if (shardCommands && !HasCommands("accumulate", "merge")) Skip = "this build has no `spectra accumulate` and `spectra merge` commands, which the Slurm jobs run";
    }

    private static bool HasCommands(params string[] names)
    {
        var root = SpectraCli.Build(CliIo.Capture(out _, out _));
        return names.All(n => root.Subcommands.Any(c => c.Name == n));
    }
}

/// <summary>
/// The generated jobs on a real one-node Slurm cluster: 4 shards of the MNIST test set accumulated by an
/// array job, merged and analysed by the dependent job, give the single-machine report; a failed task
/// cancels the merge job rather than leaving it pending, and merging what is left names the missing shard.
/// </summary>
public class SlurmClusterTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [SlurmClusterFact(shardCommands: false)]
    public void A_failed_task_cancels_the_merge_job_instead_of_leaving_it_pending()
    {
        if (SlurmCluster.Unavailable() is { } reason) Assert.Fail("CI=true and " + reason);
        using var temp = new TempFolder();
        var mnist = Conformance.PathOf("datasets", "mnist-t10k", "t10k-images-idx3-ubyte.gz");
        using var cluster = SlurmCluster.Start(temp.File("cluster"), 16827);
        var bad = temp.File("bad run");
        // Task 3 cannot write its shard: a folder stands where the file would go.
        Directory.CreateDirectory(Path.Combine(bad, "shard-3.spacc"));
        var (array, merge) = Submit(cluster, mnist, bad);
        var tasks = cluster.WaitFor(array, Limit);
        Assert.Equal(4, tasks.Count);
        Assert.Contains("FAILED", tasks);
        Assert.Equal(["CANCELLED"], cluster.WaitFor(merge, Limit));
        Assert.Equal(["DependencyNeverSatisfied"], cluster.JobField(merge, "Reason"));
        // Each task wrote its log where `spectra slurm` said it would.
        foreach (var task in Enumerable.Range(1, 4)) Assert.True(File.Exists(Path.Combine(bad, "logs", $"accumulate-{array}_{task}.out")), $"no log of task {task}");
        Assert.False(File.Exists(Path.Combine(bad, "report.json")));
    }

    [SlurmClusterFact]
    public void Four_shards_on_slurm_give_the_single_machine_report_and_a_failed_task_cancels_the_merge()
    {
        if (SlurmCluster.Unavailable() is { } reason) Assert.Fail("CI=true and " + reason);
        using var temp = new TempFolder();
        var mnist = Conformance.PathOf("datasets", "mnist-t10k", "t10k-images-idx3-ubyte.gz");
        using var cluster = SlurmCluster.Start(temp.File("cluster"), 16817);

        var good = temp.File("good run");
        var bad = temp.File("bad run");
        // Task 3 of the second run cannot write its shard: a folder stands where the file would go.
        Directory.CreateDirectory(Path.Combine(bad, "shard-3.spacc"));
        var (goodArray, goodMerge) = Submit(cluster, mnist, good);
        var (badArray, badMerge) = Submit(cluster, mnist, bad);

        var single = temp.File("single.json");
        var analyze = Tool.Run("--quiet", "analyze", mnist, "--seed", "5", "--json", single);
        Assert.True(analyze.ExitCode == 0, analyze.Err);

        Assert.All(cluster.WaitFor(goodArray, Limit), s => Assert.Equal("COMPLETED", s));
        Assert.Equal(["COMPLETED"], cluster.WaitFor(goodMerge, Limit));
        AssertSameReport(single, Path.Combine(good, "report.json"));
        Assert.True(File.Exists(Path.Combine(good, "report.html")));

        var badTasks = cluster.WaitFor(badArray, Limit);
        Assert.Equal(1, badTasks.Count(s => s == "FAILED"));
        Assert.Equal(["CANCELLED"], cluster.WaitFor(badMerge, Limit));
        Assert.Equal(["DependencyNeverSatisfied"], cluster.JobField(badMerge, "Reason"));

        var merge = Tool.Run("merge", Path.Combine(bad, "shard-1.spacc"), Path.Combine(bad, "shard-2.spacc"), Path.Combine(bad, "shard-4.spacc"), "-o", temp.File("partial.spacc"));
        Assert.Equal(3, merge.ExitCode);
        Assert.Contains("missing", merge.Err, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(new System.Text.RegularExpressions.Regex(@"missing[^\n]*\b3\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), merge.Err);
    }

    /// <summary>Runs `spectra slurm --submit` as its own process, as a user would, and reads the two job ids it prints.</summary>
    private static (string Array, string Merge) Submit(SlurmCluster cluster, string input, string directory)
    {
        var dll = typeof(SpectraCli).Assembly.Location;
        var run = ProcessRunner.Run(DotnetHost(), [dll, "slurm", input, "--shards", "4", "--cpus-per-task", "1", "--seed", "5", "-o", directory, "--submit"], Limit, cluster.Environment);
        Assert.True(run.ExitCode == 0, run.Err);
        string Id(string label) => run.Out.Split('\n').Single(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Trim().Split(' ')[0];
        return (Id("array job:"), Id("merge job:"));
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : SelfInvocation.OnPath("dotnet") ?? "dotnet";

    private static void AssertSameReport(string singlePath, string mergedPath)
    {
        Assert.True(File.Exists(mergedPath), "the merge job wrote no report at " + mergedPath);
        using var single = JsonDocument.Parse(File.ReadAllText(singlePath));
        using var merged = JsonDocument.Parse(File.ReadAllText(mergedPath));
        var a = Eigenvalues(single);
        var b = Eigenvalues(merged);
        Assert.Equal(a.Length, b.Length);
        var scale = a.Max(Math.Abs);
        // Sums over the shards are added in another order than one pass over all rows: agreement to rounding, far below 1e-9 of λ_max.
        for (var i = 0; i < a.Length; i++) Assert.True(Math.Abs(a[i] - b[i]) <= 1e-9 * scale, $"eigenvalue {i}: {a[i]} vs {b[i]}");
        Assert.Equal(Text(single, "verdict", "class"), Text(merged, "verdict", "class"));
    }

    private static double[] Eigenvalues(JsonDocument doc) =>
        doc.RootElement.GetProperty("spectrum").GetProperty("eigenvalues").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static string? Text(JsonDocument doc, string section, string field) => doc.RootElement.GetProperty(section).GetProperty(field).GetString();
}
