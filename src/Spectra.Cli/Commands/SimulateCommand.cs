using Spectra.References;
using Spectra.Data.Synthetic;
using Spectra.Pipeline;

namespace Spectra.Cli.Commands;

/// <summary>
/// `spectra simulate goe|poisson|ugd|cgd`: a synthetic spectrum (GOE, Poisson levels) or dataset
/// (uncorrelated / correlated Gaussian data), seeded, for demos, tests and teaching. Spectra are
/// analysed and summarised at once; datasets are written as .npy for `spectra analyze`.
/// </summary>
public static class SimulateCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("simulate", "Write a synthetic dataset (ugd, cgd) or spectrum (goe, poisson), and summarise its statistics");
        var kind = new Argument<string>("KIND") { Description = "goe | poisson (levels) or ugd | cgd (Gaussian data, samples × features)" };
        kind.AcceptOnlyFromAmong("goe", "poisson", "ugd", "cgd");
        var output = new Option<string?>("--output", "-o") { Description = "Where to write: .npy (a stack of samples for ugd/cgd, a vector of levels for goe/poisson)", HelpName = "FILE" };
        var levels = new Option<int>("--levels", "-n") { Description = "goe / poisson: number of levels", DefaultValueFactory = _ => 2000 };
        var samples = new Option<int>("--samples", "-m") { Description = "ugd / cgd: number of samples M", DefaultValueFactory = _ => 4096 };
        var features = new Option<int>("--features", "-d") { Description = "ugd / cgd: number of features d", DefaultValueFactory = _ => 512 };
        var alpha = new Option<double>("--alpha") { Description = "cgd: population spectrum λ_i = i^-(1+α)", DefaultValueFactory = _ => 0.5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator", DefaultValueFactory = _ => 0 };
        var outputs = new ReportOutputOptions();
        command.Add(kind);
        command.Add(output);
        command.Add(levels);
        command.Add(samples);
        command.Add(features);
        command.Add(alpha);
        command.Add(seed);
        outputs.AddTo(command);
        command.SetAction(p =>
        {
            var k = p.GetValue(kind)!;
            var s = p.GetValue(seed);
            var quiet = p.GetValue(GlobalOptions.Quiet);
            var path = p.GetValue(output);
            var request = Parameters.Seed.With(AnalysisRequest.Default, s);
            Reports.Document.ReportDocument doc;
            if (k is "goe" or "poisson")
            {
                var n = p.GetValue(levels);
                if (n < 2 || n > LevelsFile.MaxLevels) throw new SpectraException(SpectraErrorKind.InvalidOption, $"--levels must be 2…{LevelsFile.MaxLevels} (got {n})");
                var random = new SeededRandom(s);
                var values = k == "goe" ? GoeEnsemble.Levels(n, random) : PoissonLevels.Generate(n, random);
                if (path is not null) NpyWriter.WriteVector(path, values);
                // The levels as `spectra analyze` reads them back from the written file.
                doc = Job.Levels(values, new SourceInfo(path ?? $"{k}(n={n},seed={s})", LevelSpectrum.Kind), request);
            }
            else
            {
                var m = p.GetValue(samples);
                var d = p.GetValue(features);
                if ((long)m * d > 200_000_000) throw new SpectraException(SpectraErrorKind.LimitExceeded, $"{m} × {d} values is above the 2·10⁸ limit of simulate");
                var source = k == "ugd" ? GaussianDataSource.Uncorrelated(m, d, s) : GaussianDataSource.Correlated(m, d, p.GetValue(alpha), s);
                if (path is not null) NpyWriter.WriteSamples(path, source.ToRowMajor(), m, d);
                doc = ProgressDisplay.Run(io, quiet, progress => Job.Analyze(source, request, progress: progress).Document);
            }
            outputs.WriteAll(p, doc);
            if (!quiet)
            {
                ConsoleSummary.Write(doc, io, color: io.OutIsTerminal);
                if (path is not null) io.Out.WriteLine($"written to {path}");
            }
            return 0;
        });
        return command;
    }
}
