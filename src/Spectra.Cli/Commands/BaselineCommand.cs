namespace Spectra.Cli.Commands;

/// <summary>`spectra baseline PATH -o baseline.json`: the fingerprint with resampling spreads, for later checks.</summary>
public static class BaselineCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("baseline", "Record a dataset's spectral fingerprint with resampling spreads (random halves by default), for `spectra check`");
        var run = new RunOptions(baseline: true);
        var outputs = new ReportOutputOptions();
        var output = new Option<string>("--output", "-o") { Description = "The baseline file to write", Required = true, HelpName = "FILE" };
        run.AddTo(command);
        command.Add(output);
        outputs.AddTo(command);
        command.SetAction(p =>
        {
            var (input, request) = run.Read(p);
            var quiet = p.GetValue(GlobalOptions.Quiet);
            var (baseline, report) = ProgressDisplay.Run(io, quiet, progress => Job.Baseline(request.Open(input.Paths), request, progress));
            BaselineFile.Write(baseline, p.GetValue(output)!);
            outputs.WriteAll(p, report);
            if (!quiet)
            {
                ConsoleSummary.Write(report, io, color: io.OutIsTerminal);
                io.Out.WriteLine($"baseline written to {p.GetValue(output)} ({baseline.Metrics.Count} metrics, {baseline.Replicates} replicates, {baseline.BootstrapMethod})");
            }
            return 0;
        });
        return command;
    }
}
