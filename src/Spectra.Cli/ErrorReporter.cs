namespace Spectra.Cli;

/// <summary>Turns an exception into one clear line on standard error and exit code 3.</summary>
public static class ErrorReporter
{
    public static int Report(Exception e, CliIo io, bool verbose)
    {
        var err = new EscapingWriter(io.Err);
        var spectra = Find<SpectraException>(e)?.Spelled(RunOptions.Spell);
        if (spectra is not null)
        {
            err.WriteLine($"error ({KindName(spectra.Kind)}): {spectra.Message}");
        }
        else if (Find<OperationCanceledException>(e) is not null)
        {
            err.WriteLine("error: cancelled");
        }
        else if (Find<OutOfMemoryException>(e) is not null)
        {
            err.WriteLine("error: out of memory; limit the samples (--max-samples) or the features (--resize, --columns)");
        }
        else if (Find<IOException>(e) is { } io2)
        {
            err.WriteLine("error (io): " + io2.Message);
        }
        else if (Find<UnauthorizedAccessException>(e) is { } denied)
        {
            err.WriteLine("error (io): " + denied.Message);
        }
        else
        {
            err.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            if (!verbose) err.WriteLine("Run again with --verbose for details, and please report it.");
        }
        if (verbose)
            foreach (var line in e.ToString().Split('\n')) err.WriteLine(line.TrimEnd('\r'));
        return ExitCodes.CouldNotCompute;
    }

    /// <summary>Every line of an error is escaped: its text carries file names and values from files.</summary>
    private readonly struct EscapingWriter(TextWriter inner)
    {
        public void WriteLine(string line) => inner.WriteLine(MessageText.Escape(line));
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is T t) return t;
        if (e is AggregateException agg)
            foreach (var inner in agg.Flatten().InnerExceptions)
                if (Find<T>(inner) is { } t) return t;
        return null;
    }

    private static string KindName(SpectraErrorKind kind) => kind switch
    {
        SpectraErrorKind.InvalidInput => "invalid input",
        SpectraErrorKind.Unsupported => "unsupported",
        SpectraErrorKind.NotEnoughData => "not enough data",
        SpectraErrorKind.LimitExceeded => "limit exceeded",
        SpectraErrorKind.Io => "io",
        SpectraErrorKind.Backend => "backend",
        SpectraErrorKind.InvalidOption => "invalid option",
        _ => kind.ToString(),
    };
}
