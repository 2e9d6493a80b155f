using Spectra.Reports;

namespace Spectra.Fluent;

/// <summary>The report settings of one run, validated and with the option map it records, for the CLI and <see cref="Dataset"/> alike.</summary>
public static class RunReportSettings
{
    /// <param name="light">A baseline's replicate runs (see <see cref="ReportSettings.Light"/>).</param>
    /// <param name="spell">How messages name a setting (see <see cref="SettingsValidation"/>).</param>
    public static ReportSettings Create(LoadSettings load, MatrixSettings matrix, AnalyzeSettings analyze, string toolVersion,
        bool light = false, Func<string, string>? spell = null)
    {
        analyze.Validate(spell);
        return new ReportSettings
        {
            KTop = analyze.KTop,
            KBottom = analyze.KBottom,
            Unfolding = analyze.UnfoldingOptions(),
            Seed = load.Seed,
            StartRank = analyze.StartRank,
            EndRank = analyze.EndRank,
            ReferenceDraws = analyze.ReferenceDraws,
            Eta = analyze.Eta,
            Light = light,
            ToolVersion = toolVersion,
            Options = OptionMapping.Write(load, matrix, analyze),
        };
    }
}
