using Spectra.Cli.Commands;

namespace Spectra.Cli;

/// <summary>
/// The command line: builds the commands, parses, runs, and turns every failure into one message
/// and exit code 3 (a stack trace only with --verbose).
/// </summary>
public static class SpectraCli
{
    public static RootCommand Build(CliIo io)
    {
        var root = new RootCommand("spectra: the eigenvalue spectrum of a dataset read with random-matrix theory — fingerprints, reports and nightly data-quality checks.");
        root.Add(GlobalOptions.Verbose);
        root.Add(GlobalOptions.Quiet);
        root.Add(GlobalOptions.MemoryLimit);
        root.Add(AnalyzeCommand.Create(io));
        root.Add(BaselineCommand.Create(io));
        root.Add(CheckCommand.Create(io));
        root.Add(SimulateCommand.Create(io));
        root.Add(InfoCommand.Create(io));
        root.Add(ShardCommands.Accumulate(io));
        root.Add(ShardCommands.Merge(io));
        root.Add(SlurmCommand.Create(io));
        StudyCommands.AddTo(root, io);
        return root;
    }

    /// <param name="ownProcess">Whether the run has the process to itself (the dotnet tool): then the garbage
    /// collector is held to the run's memory budget too (<see cref="MemoryBudget.BindCollector"/>).</param>
    public static int Run(string[] args, CliIo io, bool ownProcess = false)
    {
        var verbose = args.Contains("--verbose") || args.Contains("-v");
        try
        {
            var root = Build(io);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors) io.Err.WriteLine("error: " + MessageText.ParseError(error.Message));
                io.Err.WriteLine("Run 'spectra --help' (or 'spectra COMMAND --help') for the options.");
                return ExitCodes.CouldNotCompute;
            }
            using var budget = MemoryBudget.Use(GlobalOptions.MemoryLimitBytes(parse));
            if (ownProcess) MemoryBudget.BindCollector(MemoryBudget.Current.Limit);
            return parse.Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Err, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, io, verbose);
        }
    }
}
