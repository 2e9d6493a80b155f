namespace Spectra.Jobs.Cluster;

/// <summary>
/// The two batch scripts of a sharded run on Slurm and the sbatch commands that submit them: an array
/// job whose task I accumulates shard I of N, and a merge-and-analyze job that runs only when every task
/// succeeded (afterok) and is cancelled, not left pending, when one failed (--kill-on-invalid-dep=yes).
/// </summary>
internal static class SlurmScripts
{
    /// <summary>The options the analysis of the merged accumulator reads; every other option shapes the shards.</summary>
    public static IReadOnlySet<string> AnalysisKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Parameters.KTop.Key, Parameters.KBottom.Key, Parameters.Unfolding.Key, Parameters.UnfoldingDegree.Key,
        Parameters.StartRank.Key, Parameters.EndRank.Key, Parameters.ReferenceDraws.Key, Parameters.Eta.Key,
    };

    /// <summary>Options both steps take: the seed draws the shards' realisations and the analysis's reference draws.</summary>
    public static IReadOnlySet<string> SharedKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Parameters.Seed.Key, Parameters.Threads.Key,
    };

    /// <summary>The array job: task I runs <c>spectra accumulate INPUT --shard I/N -o DIR/shard-I.spacc</c>.</summary>
    public static string ArrayScript(SlurmPlan plan)
    {
        var n = plan.Settings.Shards;
        var sb = Header(plan, "spectra-accumulate", $"accumulates shard I of {n} of {plan.Input}");
        sb.Append("#SBATCH --array=1-").Append(n).Append('\n');
        Resources(sb, plan.Settings);
        sb.Append("set -euo pipefail\n");
        sb.Append("shard=\"${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it is an array job}\"\n");
        sb.Append("exec ").Append(ShellQuote.Words(plan.Spectra)).Append(" --quiet accumulate ").Append(ShellQuote.Word(plan.Input))
            .Append(" --shard \"$shard/").Append(n).Append("\" -o ")
            .Append(ShellQuote.Word(Path.Combine(plan.Directory, "shard-"))).Append("\"$shard\"").Append(".spacc");
        Arguments(sb, plan.AccumulateArguments);
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>The dependent job: merges every shard in index order, then analyses the merged accumulator.</summary>
    public static string MergeScript(SlurmPlan plan)
    {
        var sb = Header(plan, "spectra-merge", $"merges the {plan.Settings.Shards} shards of {plan.Input} and writes the report");
        Resources(sb, plan.Settings);
        sb.Append("set -euo pipefail\n");
        // The glob may miss a shard; merge reads I and N from each file and names the missing indices.
        sb.Append(ShellQuote.Words(plan.Spectra)).Append(" merge ").Append(ShellQuote.Word(plan.Directory + "/")).Append("shard-*.spacc -o ")
            .Append(ShellQuote.Word(plan.Merged)).Append('\n');
        sb.Append("exec ").Append(ShellQuote.Words(plan.Spectra)).Append(" analyze ").Append(ShellQuote.Word(plan.Merged))
            .Append(" --json ").Append(ShellQuote.Word(plan.JsonReport)).Append(" --html ").Append(ShellQuote.Word(plan.HtmlReport));
        Arguments(sb, plan.AnalyzeArguments);
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>sbatch's arguments for the array job; --parsable prints the job id alone.</summary>
    public static IReadOnlyList<string> ArraySubmission(SlurmPlan plan) =>
        ["--parsable", "--output=" + plan.ArrayLogPattern, plan.ArrayScript];

    /// <summary>sbatch's arguments for the merge job, which waits for every task of <paramref name="arrayJobId"/>.</summary>
    public static IReadOnlyList<string> MergeSubmission(SlurmPlan plan, string arrayJobId) =>
        ["--parsable", "--dependency=afterok:" + arrayJobId, "--kill-on-invalid-dep=yes", "--output=" + plan.MergeLogPattern, plan.MergeScript];

    /// <summary>
    /// Writes both scripts (executable) and the log folder. Shards of an earlier run in the folder would be
    /// merged with the new ones by the glob, so a folder holding any is refused.
    /// </summary>
    public static void Write(SlurmPlan plan)
    {
        try
        {
            Directory.CreateDirectory(plan.Directory);
            if (Directory.EnumerateFiles(plan.Directory, "shard-*.spacc").FirstOrDefault() is { } stale)
                throw new SpectraException(SpectraErrorKind.InvalidOption, "the run folder already holds shards of an earlier run", file: stale,
                    hint: "give another folder with -o, or remove its shard-*.spacc files");
            Directory.CreateDirectory(plan.Logs);
            WriteScript(plan.ArrayScript, ArrayScript(plan));
            WriteScript(plan.MergeScript, MergeScript(plan));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot write the Slurm scripts: " + e.Message, file: plan.Directory,
                hint: "give a folder you can write with -o (on a cluster: one every node sees, such as your home or a scratch file system)", inner: e);
        }
    }

    private static void WriteScript(string path, string text)
    {
        File.WriteAllText(path, text, new UTF8Encoding(false));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                       UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    private static StringBuilder Header(SlurmPlan plan, string jobName, string what)
    {
        var sb = new StringBuilder();
        sb.Append("#!/bin/bash\n");
        // A newline in the input's path would end the comment line early and make the rest a command.
        sb.Append("# Written by `spectra slurm`: ").Append(what.ReplaceLineEndings(" ")).Append(".\n");
        sb.Append("#SBATCH --job-name=").Append(jobName).Append('\n');
        return sb;
    }

    private static void Resources(StringBuilder sb, SlurmSettings s)
    {
        if (s.Partition is { } p) sb.Append("#SBATCH --partition=").Append(p).Append('\n');
        if (s.Time is { } t) sb.Append("#SBATCH --time=").Append(t).Append('\n');
        if (s.CpusPerTask is { } c) sb.Append("#SBATCH --cpus-per-task=").Append(c).Append('\n');
        if (s.Memory is { } m) sb.Append("#SBATCH --mem=").Append(m).Append('\n');
    }

    private static void Arguments(StringBuilder sb, IReadOnlyList<string> arguments)
    {
        foreach (var a in arguments) sb.Append(' ').Append(ShellQuote.Word(a));
    }
}
