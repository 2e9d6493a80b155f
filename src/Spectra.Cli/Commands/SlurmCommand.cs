using Spectra.Jobs.Cluster;

namespace Spectra.Cli.Commands;

/// <summary>
/// `spectra slurm PATH --shards N`: writes a Slurm array job that accumulates the shards and a dependent
/// merge-and-analyze job; with --submit, submits both and says how to follow them.
/// </summary>
public static class SlurmCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("slurm", "Write (and with --submit, submit) Slurm jobs that accumulate N shards in parallel, merge them and analyse the result");
        var run = new RunOptions();
        var shards = new Option<int>("--shards") { Description = $"Number of shards, one array task each (1…{SlurmSettings.MaxShards})", HelpName = "N", Required = true };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition of every job", HelpName = "P" };
        var time = new Option<string?>("--time") { Description = "Time limit of each job (Slurm syntax: 30, 2:00:00, 1-00:00)", HelpName = "T" };
        var cpus = new Option<int?>("--cpus-per-task") { Description = "CPUs of each job; spectra inside uses that many threads", HelpName = "C" };
        var mem = new Option<string?>("--mem") { Description = "Memory of each job (Slurm syntax: 4000, 8G)", HelpName = "M" };
        var submit = new Option<bool>("--submit") { Description = "Submit both jobs with sbatch and print their ids" };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the scripts, shards, logs and reports (every node must see it)", HelpName = "DIR", DefaultValueFactory = _ => "spectra-slurm" };
        run.AddTo(command);
        foreach (var o in new Option[] { shards, partition, time, cpus, mem, submit, output }) command.Add(o);
        command.SetAction(p =>
        {
            var (given, request) = run.Read(p);
            var path = given.One("slurm");
            var settings = new SlurmSettings
            {
                Shards = p.GetValue(shards), Partition = p.GetValue(partition), Time = p.GetValue(time), CpusPerTask = p.GetValue(cpus), Memory = p.GetValue(mem),
            }.Validated();
            // The input and the options are checked here, once, rather than by every task after it queued.
            var input = Path.GetFullPath(path);
            request.Detect(input);
            var (accumulate, analyze) = Split(request);
            // The tasks hold the budget this run was given; without one, each takes half of what its runtime sees
            // (under Slurm's cgroup confinement, the job's --mem).
            if (p.GetValue(GlobalOptions.MemoryLimit) is { } limit)
            {
                accumulate = [.. accumulate, "--memory-limit", limit];
                analyze = [.. analyze, "--memory-limit", limit];
            }
            var plan = new SlurmPlan(SelfInvocation.Command(), input, Path.GetFullPath(p.GetValue(output)!), settings, accumulate, analyze);
            var sbatch = p.GetValue(submit) ? Sbatch.Locate() : null;
            SlurmScripts.Write(plan);
            io.Out.WriteLine($"array script: {plan.ArrayScript}");
            io.Out.WriteLine($"merge script: {plan.MergeScript}");
            if (sbatch is null)
            {
                io.Out.WriteLine("submit with:");
                io.Out.WriteLine("  array=$(sbatch " + ShellQuote.Words(SlurmScripts.ArraySubmission(plan)) + ")");
                io.Out.WriteLine("  sbatch " + ShellQuote.Words(SlurmScripts.MergeSubmission(plan, "ARRAYID")).Replace("afterok:ARRAYID", "afterok:\"$array\""));
                return 0;
            }
            var arrayId = Sbatch.Submit(sbatch, SlurmScripts.ArraySubmission(plan), plan.ArrayScript);
            var mergeId = Sbatch.Submit(sbatch, SlurmScripts.MergeSubmission(plan, arrayId), plan.MergeScript);
            io.Out.WriteLine($"array job: {arrayId} ({settings.Shards} task(s))");
            io.Out.WriteLine($"merge job: {mergeId} (runs when every task succeeded; cancelled if one fails)");
            io.Out.WriteLine($"follow:    squeue -j {arrayId},{mergeId}");
            io.Out.WriteLine($"details:   scontrol show job {mergeId}   (JobState=COMPLETED when done; Reason=DependencyNeverSatisfied if a task failed)");
            io.Out.WriteLine($"logs:      {plan.Logs}{Path.DirectorySeparatorChar}accumulate-{arrayId}_<task>.out, merge-analyze-{mergeId}.out");
            io.Out.WriteLine($"report:    {plan.JsonReport}, {plan.HtmlReport}");
            return 0;
        });
        return command;
    }

    /// <summary>The options given, spelled for the accumulate tasks and for the analysis of the merged shards.</summary>
    private static (string[] Accumulate, string[] Analyze) Split(AnalysisRequest request)
    {
        var accumulate = new List<string>();
        var analyze = new List<string>();
        foreach (var parameter in Parameters.Run.Where(x => request.Given.Contains(x.Key)))
        {
            var words = Spelled(parameter, request);
            var shared = SlurmScripts.SharedKeys.Contains(parameter.Key);
            if (shared || !SlurmScripts.AnalysisKeys.Contains(parameter.Key)) accumulate.AddRange(words);
            if (shared || SlurmScripts.AnalysisKeys.Contains(parameter.Key)) analyze.AddRange(words);
        }
        return (accumulate.ToArray(), analyze.ToArray());
    }

    private static IEnumerable<string> Spelled(Parameter parameter, AnalysisRequest request)
    {
        var name = RunOptions.Spell(parameter.Key, null);
        return parameter switch
        {
            Parameter<bool> => [name],
            Parameter<IReadOnlyList<string>> list => list.Get(request).SelectMany(v => new[] { name, v }),
            _ => [name, parameter.TextOf(request) ?? ""],
        };
    }
}
