using Spectra.Studies.Comparison;

namespace Spectra.Cli.Commands;

/// <summary>`spectra compare A B`: two datasets or two JSON reports side by side. Exit code 1 when they differ.</summary>
public static class CompareCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("compare", "Compare two datasets or two JSON reports: distances between their spacing and ratio distributions, and each statistic's difference in units of its spread (exit code 1 when they differ)");
        var a = new Argument<string>("A") { Description = "A dataset (image folder, Parquet, NPY, IDX) or a report written with --json" };
        var b = new Argument<string>("B") { Description = "The second dataset or report" };
        var run = new RunOptions();
        var outputs = new StudyOutputs();
        var sigmas = new Option<double>("--sigmas") { Description = "A statistic differs beyond this many spreads", DefaultValueFactory = _ => 3 };
        command.Add(a);
        command.Add(b);
        foreach (var o in SourceOptions(run)) command.Add(o);
        outputs.AddTo(command, memory: false);
        command.Add(sigmas);
        command.SetAction(p =>
        {
            var (_, request) = run.Read(p);
            var options = new CompareOptions
            {
                Spectrum = request.PipelineOptions() with { DetectDuplicates = false },
                Headline = StudyOutputs.Headline(request),
                Analysis = StudyOutputs.Analysis(request),
                Sigmas = p.GetValue(sigmas),
            };
            CompareStudy.Side Side(string path) => ReportSpectrumReader.LooksLikeReport(path)
                ? CompareStudy.FromReport(path)
                : CompareStudy.FromSource(request.Open(path), options);
            var result = ProgressDisplay.Run(io, p.GetValue(GlobalOptions.Quiet), _ => CompareStudy.Run(Side(p.GetValue(a)!), Side(p.GetValue(b)!), options));
            outputs.Write(p, io, "compare", result, StudyTables.Of(result), CompareCharts.All(result));
            return result.Different ? 1 : 0;
        });
        return command;
    }

    /// <summary>Every shared run option, without the single PATH argument (compare takes two).</summary>
    private static IEnumerable<Option> SourceOptions(RunOptions r) => r.Options;
}
