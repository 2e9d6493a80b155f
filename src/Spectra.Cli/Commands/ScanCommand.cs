using Spectra.Studies.SampleSize;

namespace Spectra.Cli.Commands;

/// <summary>`spectra scan PATH`: how many samples are enough — every statistic against M/d, with M_crit.</summary>
public static class ScanCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("scan", "Subsample M over a log grid of M/d and track every statistic with its spread; report M_crit per statistic");
        var run = new RunOptions();
        var outputs = new StudyOutputs();
        var subsets = new Option<int>("--subsets") { Description = "Seeded random subsets per sample size", DefaultValueFactory = _ => 3 };
        var min = new Option<double>("--min-ratio") { Description = "Smallest M/d of the grid", DefaultValueFactory = _ => 1.0 / 8 };
        var max = new Option<double>("--max-ratio") { Description = "Largest M/d of the grid (capped by the samples available)", DefaultValueFactory = _ => 16 };
        var perOctave = new Option<int>("--points-per-octave") { Description = "Grid points per factor of 2 in M", DefaultValueFactory = _ => 1 };
        run.AddTo(command);
        outputs.AddTo(command);
        command.Add(subsets);
        command.Add(min);
        command.Add(max);
        command.Add(perOctave);
        command.SetAction(p =>
        {
            var (input, request) = run.Read(p);
            var options = new SampleSizeOptions
            {
                Subsets = p.GetValue(subsets),
                MinSamplesPerFeature = p.GetValue(min),
                MaxSamplesPerFeature = p.GetValue(max),
                PointsPerOctave = p.GetValue(perOctave),
                Seed = request.Seed,
                Spectrum = request.PipelineOptions(light: true),
                Headline = StudyOutputs.Headline(request),
                Analysis = StudyOutputs.Analysis(request),
                MaxBytes = outputs.MaxBytes(p),
            };
            var result = ProgressDisplay.Run(io, p.GetValue(GlobalOptions.Quiet),
                progress => SampleSizeStudy.Run(DataMatrix.Load(request.Open(input.Paths), options.MaxBytes), options, progress));
            return outputs.Write(p, io, "sample_size", result, StudyTables.Of(result), ScanCharts.All(result));
        });
        return command;
    }
}
