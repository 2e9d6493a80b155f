using System.Reflection;
using Spectra.Pipeline.Shards;

namespace Spectra.Jobs;

/// <summary>One analysis: the pipeline's computation, every analyzer's full result and the report document made of them.</summary>
public sealed record AnalysisOutcome(SpectrumComputation Computation, SpectralReport Report, ReportDocument Document);

/// <summary>A check: the request it ran with (the baseline's options where none was given), the batch's analysis and the outcome.</summary>
public sealed record CheckOutcome(AnalysisRequest Request, AnalysisOutcome Batch, CheckRunResult Run);

/// <summary>
/// The library's one entry point per job, which the command line and the notebook API both call:
/// analyze (source → pipeline → analyzers → report), baseline and check.
/// </summary>
public static class Job
{
    /// <summary>The version every report records, without a source-revision suffix, so reports do not change with each commit.</summary>
    public static string ToolVersion { get; } =
        (typeof(Job).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
         ?? typeof(Job).Assembly.GetName().Version?.ToString(3) ?? "0.0.0").Split('+')[0];

    /// <param name="light">A baseline's replicate: no realisations, no duplicate count, no bootstrap of the power law.</param>
    public static AnalysisOutcome Analyze(IDataSource source, AnalysisRequest request, bool light = false, IProgress<SpectraProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var settings = request.Validate().ReportSettings(ToolVersion, light);
        var computation = SpectrumPipeline.Run(source, request.PipelineOptions(light), progress);
        progress?.Report(new SpectraProgress("analyze", 0, 1));
        var report = ReportBuilder.Analyze(computation, settings);
        var document = ReportBuilder.Build(report, computation, settings);
        progress?.Report(new SpectraProgress("analyze", 1, 1));
        return new AnalysisOutcome(computation, report, document);
    }

    /// <summary>Analyses what the paths hold: one path as <see cref="Analyze(string, AnalysisRequest, IProgress{SpectraProgress}?)"/>, several Parquet tables as one.</summary>
    public static ReportDocument Analyze(IReadOnlyList<string> paths, AnalysisRequest request, IProgress<SpectraProgress>? progress = null)
    {
        // Expanded once here: the globs' folders are not walked again when the source opens.
        var expanded = InputPaths.Expand(paths);
        return expanded is [var path] ? Analyze(path, request, progress) : Analyze(request.Open(expanded), request, progress: progress).Document;
    }

    /// <summary>Analyses what a path holds; a list of levels is analysed as the spectrum it is.</summary>
    public static ReportDocument Analyze(string path, AnalysisRequest request, IProgress<SpectraProgress>? progress = null)
    {
        var kind = request.Detect(path);
        // A merged accumulator was read with its shards' options: they apply wherever none were given.
        if (kind == InputKind.Accumulator) request = request.WithRecorded(AccumulatorSource.RecordedOptions(path));
        if (kind != InputKind.Levels) return Analyze(request.Open(path), request, progress: progress).Document;
        var info = new SourceInfo(path, LevelSpectrum.Kind) { Files = 1 };
        return Levels(LevelsFile.Read(path), info, request.Validate());
    }

    /// <summary>
    /// One shard of a sharded run: reads shard <paramref name="shard"/> of the input into covariance accumulators
    /// (the main one, the realisations', the classes') and writes them, with the duplicate search and the read's
    /// provenance, to <paramref name="output"/> for <see cref="Merge"/>.
    /// </summary>
    internal static ShardHeader Accumulate(IReadOnlyList<string> paths, AnalysisRequest request, ShardSelection shard, string output, IProgress<SpectraProgress>? progress = null)
    {
        request = request.Validate() with { Shard = shard };
        var expanded = InputPaths.Expand(paths);
        if (expanded is [var path] && request.Detect(path) == InputKind.Levels)
            throw new SpectraException(SpectraErrorKind.Unsupported, "a list of levels is a spectrum already: there is nothing to accumulate", path,
                hint: "analyse it with `spectra analyze`");
        using var rows = SpectrumPipeline.Read(request.Open(expanded), request.PipelineOptions(), progress, accumulateOnly: true);
        ShardSet.Save(rows, shard, request.RowOptionMap(), ToolVersion, output);
        return ShardFile.ReadHeader(output);
    }

    /// <summary>Merges shard files (every shard of one run, each once) into one, in shard order: the same sums one read of all rows gives.</summary>
    internal static ShardHeader Merge(IReadOnlyList<string> inputs, string output, int threads = 0)
    {
        var merged = ShardSet.Merge(inputs, LinearAlgebra.LinearAlgebraBackends.Get(threads));
        ShardFile.Write(output, merged.Header, merged.Main, merged.Blocks, merged.Classes, (merged.Min, merged.Max), merged.Duplicates);
        return merged.Header;
    }

    /// <summary>Analyses a list of levels (a file's, or simulated ones) with the analyzers that apply to a bare spectrum.</summary>
    public static ReportDocument Levels(IReadOnlyList<double> levels, SourceInfo info, AnalysisRequest request)
    {
        var settings = request.ReportSettings(ToolVersion);
        var (computation, inapplicable) = LevelSpectrum.From(levels, info, settings.Seed);
        return ReportBuilder.Build(computation, settings with { Inapplicable = inapplicable });
    }

    /// <summary>
    /// A baseline: the fingerprint of the data with the spread of every metric over the request's
    /// resampled replicates of the rows. The source is read once and cached.
    /// </summary>
    public static (Baseline Baseline, ReportDocument Report) Baseline(IDataSource source, AnalysisRequest request, IProgress<SpectraProgress>? progress = null)
    {
        request.Validate();
        var cached = new CachedSource(source);
        return BaselineBuilder.Build(cached, request.Replicates, request.Seed, request.Resampling,
            s => Analyze(s, request, progress: progress).Document,
            s => Analyze(s, request, light: true).Document, progress);
    }

    /// <summary>
    /// Today's data against a baseline under rules: every option the request was not given is the
    /// baseline's (how the input was read, the matrix, the analysis), so both are computed alike.
    /// </summary>
    /// <param name="open">Opens the batch with the request the check runs with.</param>
    public static CheckOutcome Check(Func<AnalysisRequest, IDataSource> open, AnalysisRequest request, Baseline baseline, RuleSet rules,
        string baselinePath = "baseline", IProgress<SpectraProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(baseline);
        var r = request.WithRecorded(Checked(baseline, baselinePath).Options);
        AnalysisOutcome? batch = null;
        var run = CheckRun.Execute(open(r), baseline, rules, r.Seed, (s, p) =>
        {
            var outcome = Analyze(s, r, progress: p);
            batch ??= outcome;
            return outcome.Document;
        }, baselinePath, progress);
        return new CheckOutcome(r, batch!, run);
    }

    /// <summary>Reads a baseline file and holds its recorded options to the rules of options given directly.</summary>
    public static Baseline ReadBaseline(string path) => Checked(BaselineFile.Read(path), path);

    /// <summary>
    /// The baseline, once its recorded options parse and lie in range on their own: a check repeats them,
    /// so `k_top: -5` or `eta: "banana"` in the file is the file's error (named with its key), not the user's.
    /// </summary>
    public static Baseline Checked(Baseline baseline, string path)
    {
        try
        {
            AnalysisRequest.Default.WithRecorded(baseline.Options);
        }
        catch (SpectraException e)
        {
            throw SpectraException.Invalid(e.Reason, path, "key options", e.Hint ?? BaselineFile.RecreateHint);
        }
        return baseline;
    }
}
