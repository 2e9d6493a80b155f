using System.Runtime.InteropServices;
using Spectra.LinearAlgebra;

namespace Spectra.Cli.Commands;

/// <summary>`spectra info`: the version, the backend chain (what was tried, what was chosen) and the thread count.</summary>
public static class InfoCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("info", "Show the version, the linear-algebra backend chain and the thread count");
        command.SetAction(parse =>
        {
            var selection = LinearAlgebraBackends.Default;
            var info = selection.Backend.Info;
            io.Out.WriteLine($"spectra {ToolVersion.Value}");
            io.Out.WriteLine($".NET {Environment.Version} on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture})");
            io.Out.WriteLine($"backend: {info.Name}");
            io.Out.WriteLine($"library: {info.Library}");
            if (info.Version is not null) io.Out.WriteLine($"library version: {info.Version}");
            io.Out.WriteLine($"threads: {info.Threads} (processors: {Environment.ProcessorCount}; set {LinearAlgebraBackends.ThreadsVariable} or --threads; in a Slurm task, {LinearAlgebraBackends.SlurmCpusVariable})");
            io.Out.WriteLine($"rank-k update (covariance): {info.RankKUpdate}{(info.RankKUpdateReason is null ? "" : $" ({info.RankKUpdateReason})")}");
            io.Out.WriteLine(ByteRankKUpdate.IsSupported
                ? $"8-bit data: {ByteRankKUpdate.Name} (exact integer sums; the covariance is the same bits however the rows are split)"
                : "8-bit data: the rank-k update above (this processor has neither AVX-VNNI nor AVX-512BW for exact integer sums)");
            io.Out.WriteLine($"backend chain ({LinearAlgebraBackends.LibraryVariable} overrides it):");
            foreach (var a in selection.Attempts)
                io.Out.WriteLine($"  {(a.Loaded ? "✓" : "✗")} {a.Candidate,-10} {a.Library}: {a.Reason}");
            // The chain is printed first so that the error below can be read against it.
            if (selection.RequestedFailure is { } failed) throw LinearAlgebraBackends.RequestedLibraryUnusable(failed);
            return 0;
        });
        return command;
    }
}
