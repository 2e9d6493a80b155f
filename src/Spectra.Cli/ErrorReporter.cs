using Spectra.Checks;

namespace Spectra.Cli;

/// <summary>Turns an exception into one clear line on standard error and exit code 3.</summary>
public static class ErrorReporter
{
    public static int Report(Exception e, CliIo io, bool verbose)
    {
        var spectra = Find<SpectraException>(e);
        if (spectra is not null)
        {
            io.Err.WriteLine($"error ({KindName(spectra.Kind)}): {spectra.Message}");
        }
        else if (Find<OperationCanceledException>(e) is not null)
        {
            io.Err.WriteLine("error: cancelled");
        }
        else if (Find<OutOfMemoryException>(e) is not null)
        {
            io.Err.WriteLine("error: out of memory; limit the samples (--max-samples) or the features (--resize, --columns)");
        }
        else if (Find<IOException>(e) is { } io2)
        {
            io.Err.WriteLine("error (io): " + io2.Message);
        }
        else if (Find<UnauthorizedAccessException>(e) is { } denied)
        {
            io.Err.WriteLine("error (io): " + denied.Message);
        }
        else
        {
            io.Err.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            if (!verbose) io.Err.WriteLine("Run again with --verbose for details, and please report it.");
        }
        if (verbose) io.Err.WriteLine(e.ToString());
        return ExitCodes.CouldNotCompute;
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
