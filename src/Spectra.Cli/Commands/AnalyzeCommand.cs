namespace Spectra.Cli.Commands;

/// <summary>`spectra analyze PATH`: the spectrum, its statistics and the verdict; reports on request.</summary>
public static class AnalyzeCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("analyze", "Compute a dataset's eigenvalue spectrum and read it with random-matrix theory");
        var run = new RunOptions();
        var outputs = new ReportOutputOptions();
        run.AddTo(command);
        outputs.AddTo(command);
        command.SetAction(p =>
        {
            var (input, request) = run.Read(p);
            var quiet = p.GetValue(GlobalOptions.Quiet);
            var doc = ProgressDisplay.Run(io, quiet, progress => Job.Analyze(input.Paths, request, progress));
            outputs.WriteAll(p, doc);
            if (!quiet) ConsoleSummary.Write(doc, io, color: io.OutIsTerminal);
            return 0;
        });
        return command;
    }
}
