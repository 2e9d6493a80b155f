using Spectre.Console;

namespace Spectra.Cli;

/// <summary>
/// Progress bars for the decode / accumulate / solve stages on standard error, shown only when
/// standard error is a terminal and --quiet is off; otherwise the work runs silently.
/// </summary>
public static class ProgressDisplay
{
    public static T Run<T>(CliIo io, bool quiet, Func<IProgress<SpectraProgress>?, T> work)
    {
        if (quiet || !io.ErrIsTerminal) return work(null);
        // The caller has established that standard error is a terminal, so say so rather than let detection guess.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(io.Err), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes,
        });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var gate = new object();
                var sink = new Progress(p =>
                {
                    lock (gate)
                    {
                        if (!tasks.TryGetValue(p.Stage, out var task))
                        {
                            task = ctx.AddTask(StageName(p.Stage));
                            task.IsIndeterminate = p.Total <= 0;
                            tasks[p.Stage] = task;
                        }
                        if (p.Total > 0)
                        {
                            task.IsIndeterminate = false;
                            task.MaxValue = p.Total;
                            task.Value = Math.Min(p.Done, p.Total);
                        }
                        else task.Description = $"{StageName(p.Stage)} ({p.Done:N0})";
                    }
                });
                result = work(sink);
                lock (gate)
                    foreach (var t in tasks.Values)
                    {
                        t.IsIndeterminate = false;
                        t.Value = t.MaxValue;
                        t.StopTask();
                    }
            });
        return result;
    }

    private static string StageName(string stage) => stage switch
    {
        "read" or "decode" => "decoding",
        "accumulate" => "accumulating",
        "solve" => "solving",
        "bootstrap" => "bootstrap",
        "analyze" => "analysing",
        _ => stage,
    };

    /// <summary>Synchronous IProgress (Progress&lt;T&gt; posts to the thread pool and can report after the work ends).</summary>
    private sealed class Progress(Action<SpectraProgress> report) : IProgress<SpectraProgress>
    {
        public void Report(SpectraProgress value) => report(value);
    }
}
