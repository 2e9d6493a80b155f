using Spectra.Data.Images;
using Spectra.Studies.Attribution;
using Spectra.Studies.PerClass;
using Spectra.Studies.SingleImage;
using Spectra.Studies.Surrogates;

namespace Spectra.Cli.Commands;

/// <summary>The "beyond one number" studies: scan, compare, classes, single-image, surrogates, attribute.</summary>
public static class StudyCommands
{
    public static void AddTo(Command root, CliIo io)
    {
        root.Add(ScanCommand.Create(io));
        root.Add(CompareCommand.Create(io));
        root.Add(Classes(io));
        root.Add(SingleImage(io));
        root.Add(Surrogates(io));
        root.Add(Attribute(io));
    }

    private static Command Classes(CliIo io)
    {
        var command = new Command("classes", "The analysis per class (image subfolders, --label-column) and pooled, with a warning when pooling fakes Poisson statistics");
        var run = new RunOptions();
        var outputs = new StudyOutputs();
        run.AddTo(command);
        outputs.AddTo(command, memory: false);
        command.SetAction(p =>
        {
            var (input, s) = run.Read(p);
            var options = new PerClassOptions
            {
                Spectrum = s.PipelineOptions(light: true), Headline = StudyOutputs.Headline(s),
                Analysis = StudyOutputs.Analysis(s),
            };
            var result = ProgressDisplay.Run(io, p.GetValue(GlobalOptions.Quiet), _ => PerClassStudy.Run(s.Open(input.Paths), options));
            return outputs.Write(p, io, "per_class", result, StudyTables.Of(result), PerClassCharts.All(result));
        });
        return command;
    }

    private static Command SingleImage(CliIo io)
    {
        var command = new Command("single-image", "Each image as its own matrix (pixel rows × columns): its singular-value spectrum, aggregated over a folder, with k-th-order spacing ratios");
        var run = new RunOptions();
        var outputs = new StudyOutputs();
        var orders = new Option<int>("--max-order") { Description = "Largest order k of the k-th-order spacing ratios", DefaultValueFactory = _ => 4 };
        run.AddTo(command);
        outputs.AddTo(command, memory: false);
        command.Add(orders);
        command.SetAction(p =>
        {
            var (input, s) = run.Read(p);
            var path = input.One("single-image");
            var source = s.OpenImages(path);
            if (source is not ImageFolderSource images)
                throw new SpectraException(SpectraErrorKind.InvalidOption, "single-image mode reads images (a folder, NPY, NPZ or IDX), not a table", path);
            var options = new SingleImageOptions { MaxOrder = p.GetValue(orders), Seed = s.Seed, Headline = StudyOutputs.Headline(s) };
            var result = ProgressDisplay.Run(io, p.GetValue(GlobalOptions.Quiet), _ => SingleImageStudy.Run(images, images.ImageHeight, images.ImageWidth, options));
            return outputs.Write(p, io, "single_image", result, StudyTables.Of(result), SingleImageCharts.All(result));
        });
        return command;
    }

    private static Command Surrogates(CliIo io)
    {
        var command = new Command("surrogates", "Where the data sits between its own column-shuffled / row-permuted surrogates and GOE (same pipeline, seeded)");
        var run = new RunOptions();
        var outputs = new StudyOutputs();
        var draws = new Option<int>("--draws") { Description = "Seeded draws of each surrogate", DefaultValueFactory = _ => 3 };
        var kinds = new Option<string[]>("--kinds") { Description = "column-shuffled and/or row-permuted", AllowMultipleArgumentsPerToken = true };
        kinds.AcceptOnlyFromAmong("column-shuffled", "row-permuted");
        run.AddTo(command);
        outputs.AddTo(command);
        command.Add(draws);
        command.Add(kinds);
        command.SetAction(p =>
        {
            var (input, s) = run.Read(p);
            var chosen = p.GetValue(kinds) is { Length: > 0 } k
                ? k.Select(x => x == "row-permuted" ? SurrogateKind.RowPermuted : SurrogateKind.ColumnShuffled).Distinct().ToArray()
                : new[] { SurrogateKind.ColumnShuffled, SurrogateKind.RowPermuted };
            var options = new SurrogateOptions
            {
                Draws = p.GetValue(draws), Kinds = chosen, Seed = s.Seed, MaxBytes = outputs.MaxBytes(p),
                Spectrum = s.PipelineOptions(light: true), Headline = StudyOutputs.Headline(s),
            };
            var result = ProgressDisplay.Run(io, p.GetValue(GlobalOptions.Quiet), _ => SurrogateStudy.Run(s.Open(input.Paths), options));
            return outputs.Write(p, io, "surrogates", result, StudyTables.Of(result), SurrogateCharts.All(result));
        });
        return command;
    }

    private static Command Attribute(CliIo io)
    {
        var command = new Command("attribute", "Trace the top eigenvectors (or a rank range) to the features and samples that load most on them");
        var run = new RunOptions();
        var outputs = new StudyOutputs();
        var components = new Option<int>("--components") { Description = "Leading eigenvectors to attribute", DefaultValueFactory = _ => 5 };
        var ranks = new Option<string?>("--ranks") { Description = "A rank range instead, FIRST-LAST (1 = largest eigenvalue)", HelpName = "FIRST-LAST" };
        var top = new Option<int>("--top") { Description = "Features and samples listed per eigenvector", DefaultValueFactory = _ => 10 };
        run.AddTo(command);
        outputs.AddTo(command, memory: false);
        command.Add(components);
        command.Add(ranks);
        command.Add(top);
        command.SetAction(p =>
        {
            var (input, s) = run.Read(p);
            var (first, last) = ParseRanks(p.GetValue(ranks));
            var pipeline = s.PipelineOptions(light: true);
            var options = new AttributionOptions
            {
                Components = p.GetValue(components), FirstRank = first, LastRank = last, TopLoadings = p.GetValue(top),
                Preprocess = pipeline.Preprocess, Threads = s.Threads,
            };
            var result = ProgressDisplay.Run(io, p.GetValue(GlobalOptions.Quiet), _ => AttributionStudy.Run(s.Open(input.Paths), options));
            return outputs.Write(p, io, "attribution", result, StudyTables.Of(result), AttributionCharts.All(result));
        });
        return command;
    }

    private static (int? First, int? Last) ParseRanks(string? text)
    {
        if (text is null) return (null, null);
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var first)
            && (parts.Length == 1 || int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out _)))
            return (first, parts.Length == 1 ? first : int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        throw new SpectraException(SpectraErrorKind.InvalidOption, $"--ranks '{text}' is not FIRST-LAST (e.g. 1-5)");
    }
}
