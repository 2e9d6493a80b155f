using System.CommandLine;

namespace Spectra.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "More detail: the full error with its cause, and progress notes",
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "No progress bars and no console summary (files asked for are still written)",
        Recursive = true,
    };
}
