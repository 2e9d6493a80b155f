namespace Spectra.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "More detail: the full error with its cause, and progress notes",
        Recursive = true,
    };

    public static readonly Option<string?> MemoryLimit = new("--memory-limit")
    {
        Description = "The most memory a run may hold (e.g. 4G, 512M; binary units); default: half of the memory available",
        HelpName = "SIZE",
        Recursive = true,
    };

    /// <summary>The run's memory budget as the command line sets it (0: the default).</summary>
    public static long MemoryLimitBytes(System.CommandLine.ParseResult p) => p.GetValue(MemoryLimit) is { } text
        ? MemoryBudget.ParseSize(text) ?? throw new SpectraException(SpectraErrorKind.InvalidOption, $"--memory-limit '{text}' is not a size", hint: "e.g. --memory-limit 4G")
        : 0;

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "No progress bars and no console summary (files asked for are still written)",
        Recursive = true,
    };
}
