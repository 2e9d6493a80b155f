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

    /// <summary>Analyses a source (opened from the settings unless given); a list of levels is analysed as the spectrum it is.</summary>
    public static ReportDocument Execute(RunSettings s, IDataSource? source = null, IProgress<SpectraProgress>? progress = null, bool light = false)
    {
        var reportSettings = ReportSettings(s, light);
        if (source is null)
        {
            var kind = DataInput.Detect(s.Path, s.Load, RunOptions.Spell);
            if (kind == InputKind.Levels) return Levels(s, reportSettings);
            source = DataInput.Open(s.Path, kind, s.Load);
        }
        var computation = SpectrumPipeline.Run(source, PipelineOptions(s, light), progress);
        progress?.Report(new SpectraProgress("analyze", 0, 1));
        var doc = ReportBuilder.Build(computation, reportSettings);
        progress?.Report(new SpectraProgress("analyze", 1, 1));
        return doc;
    }

    /// <summary>A list of levels from a file: no rows, so the options that prepare rows into a matrix do not apply.</summary>
    private static ReportDocument Levels(RunSettings s, ReportSettings reportSettings)
    {
        var m = s.Matrix;
        var given = new (string Key, bool Given)[]
        {
            ("matrix", m.Matrix != MatrixSettings.Default.Matrix), ("center", !m.Center), ("standardize", m.Standardize), ("drop_non_finite", m.DropNonFinite),
        };
        if (given.FirstOrDefault(g => g.Given).Key is { } key)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"{RunOptions.Spell(key)} does not apply to levels input", s.Path,
                hint: "a list of levels is a spectrum already: leave the option out");
        var info = new SourceInfo(s.Path, LevelSpectrum.Kind) { Files = 1 };
        return Levels(LevelsFile.Read(s.Path), info, reportSettings);
    }

    /// <summary>Analyses a list of levels (a file's, or simulated ones) with the analyzers that apply to a bare spectrum.</summary>
    public static ReportDocument Levels(IReadOnlyList<double> levels, SourceInfo info, ReportSettings reportSettings)
    {
        var (computation, inapplicable) = LevelSpectrum.From(levels, info, reportSettings.Seed);
        return ReportBuilder.Build(computation, reportSettings with { Inapplicable = inapplicable });
    }
}
