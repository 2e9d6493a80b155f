using Spectra.Data;
using Spectra.Fluent;
using Spectra.Matrices;
using Spectra.Pipeline;
using Spectra.Reports;
using Spectra.Reports.Document;

namespace Spectra.Cli;

/// <summary>The one path from settings to a report: open the source, compute the spectrum, analyse it.</summary>
public static class AnalysisRun
{
    public static SpectrumOptions PipelineOptions(RunSettings s, bool light = false) => new()
    {
        Matrix = s.Matrix switch
        {
            "covariance" => MatrixRequest.Covariance,
            "gram" => MatrixRequest.Gram,
            "auto" => MatrixRequest.Auto,
            _ => throw new SpectraException(SpectraErrorKind.InvalidOption, $"--matrix '{s.Matrix}' is not covariance, gram or auto"),
        },
        Preprocess = new PreprocessOptions
        {
            Center = !s.NoCenter,
            Standardize = s.Standardize,
            NonFinite = s.DropNonFinite ? NonFinitePolicy.DropRow : NonFinitePolicy.Error,
        },
        Threads = s.Threads,
        Realisations = light ? 0 : s.SffRealisations,
        DetectDuplicates = !light,
        Seed = s.Seed,
    };

    public static ReportSettings ReportSettings(RunSettings s, bool light = false)
    {
        if (s.KTop < 0 || s.KBottom < 0)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"--k-top and --k-bottom must be ≥ 0 (got {s.KTop}, {s.KBottom})");
        if (s.ReferenceDraws is < 0 or > 1000)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"--reference-draws must be 0…1000 (got {s.ReferenceDraws})");
        if (s.SffRealisations < 0)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"--sff-realisations must be ≥ 0 (got {s.SffRealisations})");
        return new ReportSettings
        {
            KTop = s.KTop,
            KBottom = s.KBottom,
            Unfolding = new AnalyzeSettings { Unfolding = s.Unfolding, UnfoldingDegree = s.UnfoldingDegree }.UnfoldingOptions(),
            Seed = s.Seed,
            StartRank = s.StartRank,
            EndRank = s.EndRank,
            ReferenceDraws = s.ReferenceDraws,
            Eta = s.Eta,
            Light = light,
            ToolVersion = ToolVersion.Value,
            Options = s.ToOptionMap(),
        };
    }

    /// <summary>Analyses a source (opened from the settings unless given).</summary>
    public static ReportDocument Execute(RunSettings s, IDataSource? source = null, IProgress<SpectraProgress>? progress = null, bool light = false)
    {
        var reportSettings = ReportSettings(s, light);
        source ??= SourceFactory.Open(s);
        var computation = SpectrumPipeline.Run(source, PipelineOptions(s, light), progress);
        progress?.Report(new SpectraProgress("analyze", 0, 1));
        var doc = ReportBuilder.Build(computation, reportSettings);
        progress?.Report(new SpectraProgress("analyze", 1, 1));
        return doc;
    }
}
