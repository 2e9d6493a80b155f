namespace Spectra.Jobs.Cluster;

/// <summary>
/// One sharded run on Slurm: how to start this build of Spectra, the input, the folder that holds the
/// scripts, shards, logs and reports, what to ask Slurm for, and the options each step passes on.
/// </summary>
/// <param name="Spectra">The command that starts this build: its executable, or the dotnet host and Spectra.Cli.dll.</param>
/// <param name="Input">The input's absolute path.</param>
/// <param name="Directory">The run's absolute folder.</param>
/// <param name="AccumulateArguments">The load and matrix options, as the command line spells them.</param>
/// <param name="AnalyzeArguments">The analysis options, as the command line spells them.</param>
internal sealed record SlurmPlan(IReadOnlyList<string> Spectra, string Input, string Directory, SlurmSettings Settings,
    IReadOnlyList<string> AccumulateArguments, IReadOnlyList<string> AnalyzeArguments)
{
    public string ArrayScript => Path.Combine(Directory, "accumulate.sbatch");
    public string MergeScript => Path.Combine(Directory, "merge-analyze.sbatch");
    public string Logs => Path.Combine(Directory, "logs");
    public string Merged => Path.Combine(Directory, "merged.spacc");
    public string JsonReport => Path.Combine(Directory, "report.json");
    public string HtmlReport => Path.Combine(Directory, "report.html");

    /// <summary>Shard <paramref name="index"/> (1-based, as the array task numbers them).</summary>
    public string Shard(int index) => Path.Combine(Directory, $"shard-{index}.spacc");

    /// <summary>Where Slurm writes an array task's output (%A the array's job id, %a the task).</summary>
    public string ArrayLogPattern => Path.Combine(Logs, "accumulate-%A_%a.out");

    /// <summary>Where Slurm writes the merge job's output (%j its job id).</summary>
    public string MergeLogPattern => Path.Combine(Logs, "merge-analyze-%j.out");
}
