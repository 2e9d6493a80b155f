namespace Spectra.Cli.Tests.TestSupport;

/// <summary>
/// A one-node Slurm cluster on loopback for one test, started and stopped by tools/slurm/cluster.sh with
/// everything in its own folder; <see cref="Environment"/> points sbatch, squeue and scontrol at it.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly string[] Binaries = ["slurmctld", "slurmd", "sbatch", "scontrol", "sinfo", "munged", "mungekey"];

    private readonly string _script;

    private SlurmCluster(string directory, int port)
    {
        Directory = directory;
        _script = Path.Combine(Conformance.ProjectRoot, "tools", "slurm", "cluster.sh");
        Environment = new Dictionary<string, string> { ["SLURM_CONF"] = Path.Combine(directory, "slurm.conf"), ["SPECTRA_SLURM_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public string Directory { get; }
    public IDictionary<string, string> Environment { get; }

    /// <summary>Why a cluster cannot be started here, or null when it can.</summary>
    public static string? Unavailable()
    {
        var missing = Binaries.Where(b => SelfInvocation.OnPath(b) is null && !File.Exists("/usr/sbin/" + b)).ToArray();
        if (missing.Length > 0) return $"Slurm is not installed ({string.Join(", ", missing)} missing; apt-get install slurmctld slurmd slurm-client munge, as .ci/run does)";
        if (System.Environment.UserName != "root") return "the local Slurm cluster runs its daemons as root (SlurmUser=root)";
        return null;
    }

    public static SlurmCluster Start(string directory, int port)
    {
        var cluster = new SlurmCluster(directory, port);
        var run = ProcessRunner.Run("/bin/bash", [cluster._script, "start", directory], Limit, cluster.Environment);
        if (run.ExitCode != 0)
        {
            cluster.Dispose();
            Assert.Fail($"the local cluster did not start (exit {run.ExitCode}): {run.Err}\n{Logs(directory)}");
        }
        return cluster;
    }

    /// <summary>One field of `scontrol show job` (JobState, Reason), for the job or each of its array tasks.</summary>
    public IReadOnlyList<string> JobField(string jobId, string field)
    {
        var run = ProcessRunner.Run("scontrol", ["show", "job", jobId], Limit, Environment);
        Assert.True(run.ExitCode == 0, $"scontrol show job {jobId}: {run.Err}");
        return run.Out.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.StartsWith(field + "=", StringComparison.Ordinal)).Select(w => w[(field.Length + 1)..]).ToArray();
    }

    /// <summary>
    /// Waits until every task of the job has left the queue. `sbatch --wait` is not used: it returns 0 for
    /// a dependent job that was cancelled, so only JobState says what became of it.
    /// </summary>
    public IReadOnlyList<string> WaitFor(string jobId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var states = JobField(jobId, "JobState");
            if (states.Count > 0 && states.All(s => s is "COMPLETED" or "FAILED" or "CANCELLED" or "TIMEOUT" or "OUT_OF_MEMORY" or "NODE_FAIL")) return states;
            if (DateTime.UtcNow > deadline) Assert.Fail($"job {jobId} still {string.Join(",", states)} after {timeout.TotalSeconds} s\n{Logs(Directory)}");
            Thread.Sleep(250);
        }
    }

    public void Dispose() => ProcessRunner.Run("/bin/bash", [_script, "stop", Directory], Limit);

    private static string Logs(string directory)
    {
        var log = Path.Combine(directory, "log", "slurmctld.log");
        return File.Exists(log) ? string.Join("\n", File.ReadLines(log).TakeLast(15)) : "";
    }
}
