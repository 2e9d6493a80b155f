namespace Spectra.Cli;

/// <summary>Where the tool writes: standard output for results, standard error for progress and messages.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Err, bool ErrIsTerminal, bool OutIsTerminal = false)
{
    public static CliIo FromConsole() => new(Console.Out, Console.Error, !Console.IsErrorRedirected, !Console.IsOutputRedirected);

    /// <summary>In-memory writers, for tests and embedding.</summary>
    public static CliIo Capture(out StringWriter stdout, out StringWriter stderr)
    {
        stdout = new StringWriter();
        stderr = new StringWriter();
        return new CliIo(stdout, stderr, false);
    }
}
