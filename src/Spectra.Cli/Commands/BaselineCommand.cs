using System.CommandLine;
using Spectra.Checks;

namespace Spectra.Cli.Commands;

/// <summary>`spectra baseline PATH -o baseline.json`: the fingerprint with resampling spreads, for later checks.</summary>
public static class BaselineCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("baseline", "Record a dataset's spectral fingerprint with resampling spreads (random halves by default), for `spectra check`");
        var run = new RunOptions();
        var outputs = new ReportOutputOptions();
        var output = new Option<string>("--output", "-o") { Description = "The baseline file to write", Required = true, HelpName = "FILE" };
        var replicates = new Option<int>("--replicates") { Description = "Resampled replicates (see --resampling) for the spreads", DefaultValueFactory = _ => 20 };
        var resampling = new Option<string>("--resampling") { Description = "How replicates are drawn: half (random halves of the rows) or poisson (bootstrap, rows repeated Poisson(1) times)", DefaultValueFactory = _ => "half" };
        resampling.AcceptOnlyFromAmong("half", "poisson");
        run.AddTo(command);
        command.Add(output);
        command.Add(replicates);
        command.Add(resampling);
        outputs.AddTo(command);
        command.SetAction(p =>
        {
            var settings = run.Read(p);
            var quiet = p.GetValue(GlobalOptions.Quiet);
            var (baseline, report) = ProgressDisplay.Run(io, quiet, progress =>
            {
                var source = new CachedSource(settings.Open());
                var method = p.GetValue(resampling) == "poisson" ? BaselineBuilder.ResamplingMethod.Poisson : BaselineBuilder.ResamplingMethod.HalfSample;
                return BaselineBuilder.Build(source, p.GetValue(replicates), settings.Load.Seed, method,
                    s => AnalysisRun.Execute(settings, s, progress),
                    s => AnalysisRun.Execute(settings, s, null, light: true),
                    progress);
            });
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
