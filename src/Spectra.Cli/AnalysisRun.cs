using Spectra.Data;
using Spectra.Fluent;
using Spectra.Pipeline;
using Spectra.Reports;
using Spectra.Reports.Document;

namespace Spectra.Cli;

/// <summary>The one path from settings to a report: open the source, compute the spectrum, analyse it.</summary>
public static class AnalysisRun
{
    public static SpectrumOptions PipelineOptions(RunSettings s, bool light = false) =>
        s.Matrix.PipelineOptions(light ? 0 : s.Analyze.SffRealisations, s.Load.Seed, detectDuplicates: !light, RunOptions.Spell);

    public static ReportSettings ReportSettings(RunSettings s, bool light = false) =>
        RunReportSettings.Create(s.Load, s.Matrix, s.Analyze, ToolVersion.Value, light, RunOptions.Spell);

    /// <summary>Analyses a source (opened from the settings unless given).</summary>
    public static ReportDocument Execute(RunSettings s, IDataSource? source = null, IProgress<SpectraProgress>? progress = null, bool light = false)
    {
        var reportSettings = ReportSettings(s, light);
        source ??= s.Open();
        var computation = SpectrumPipeline.Run(source, PipelineOptions(s, light), progress);
        progress?.Report(new SpectraProgress("analyze", 0, 1));
        var doc = ReportBuilder.Build(computation, reportSettings);
        progress?.Report(new SpectraProgress("analyze", 1, 1));
        return doc;
    }
}
