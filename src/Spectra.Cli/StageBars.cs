namespace Spectra.Cli;

/// <summary>
/// One progress bar per pipeline stage, fed by <see cref="SpectraProgress"/> reports. A bar stops
/// (its clock with it) when its stage reaches its total, or when a later stage begins: the pipeline
/// reports no end for a stage whose total it does not know, such as accumulating rows of a source
/// that cannot count them in advance.
/// </summary>
public sealed class StageBars(Func<string, ProgressTask> addTask)
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void Report(SpectraProgress p)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(p.Stage, out var task))
            {
                var rank = Rank(p.Stage);
                if (rank >= 0)
                    foreach (var (stage, earlier) in _tasks)
                        if (Rank(stage) is var r && r >= 0 && r < rank) Finish(earlier);
                task = addTask(StageName(p.Stage));
                task.IsIndeterminate = p.Total <= 0;
                _tasks[p.Stage] = task;
            }
            if (task.StopTime is not null) return;
            if (p.Total > 0)
            {
                task.IsIndeterminate = false;
                task.MaxValue = p.Total;
                task.Value = Math.Min(p.Done, p.Total);
                if (p.Done >= p.Total) Finish(task);
            }
            else task.Description = $"{StageName(p.Stage)} ({p.Done:N0})";
        }
    }

    /// <summary>Fills and stops every bar: the work is over.</summary>
    public void FinishAll()
    {
        lock (_gate)
            foreach (var t in _tasks.Values) Finish(t);
    }

    private static void Finish(ProgressTask task)
    {
        if (task.StopTime is not null) return;
        task.IsIndeterminate = false;
        task.Value = task.MaxValue;
        task.StopTask();
    }

    /// <summary>
    /// Pipeline order: reading and accumulating interleave chunk by chunk, so they share a rank;
    /// stages outside the pipeline (bootstrap, scan) have none and end only at their total or at the end.
    /// </summary>
    private static int Rank(string stage) => stage switch
    {
        "read" or "decode" or "accumulate" => 0,
        "solve" => 1,
        "analyze" => 2,
        _ => -1,
    };

    public static string StageName(string stage) => stage switch
    {
        "read" or "decode" => "decoding",
        "accumulate" => "accumulating",
        "solve" => "solving",
        "bootstrap" => "bootstrap",
        "analyze" => "analysing",
        _ => stage,
    };
}
