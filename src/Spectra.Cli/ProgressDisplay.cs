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
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new KnownTotalPercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var bars = new StageBars(name => ctx.AddTask(name));
                result = work(new Progress(bars.Report));
                bars.FinishAll();
            });
        return result;
    }

    /// <summary>Synchronous IProgress (Progress&lt;T&gt; posts to the thread pool and can report after the work ends).</summary>
    private sealed class Progress(Action<SpectraProgress> report) : IProgress<SpectraProgress>
    {
        public void Report(SpectraProgress value) => report(value);
    }
}
