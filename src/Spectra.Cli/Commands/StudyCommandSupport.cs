using Spectra.Reports.Charts;

namespace Spectra.Cli.Commands;

/// <summary>What the study commands share: the --json, --html and --markdown outputs, the console text, the statistics options.</summary>
internal sealed class StudyOutputs
{
    public Option<string?> Json { get; } = new("--json") { Description = "Write the study result as JSON to FILE", HelpName = "FILE" };
    public Option<string?> Html { get; } = new("--html") { Description = "Write a self-contained HTML page (tables and SVG charts) to FILE", HelpName = "FILE" };
    public Option<string?> Markdown { get; } = new("--markdown") { Description = "Write the study's tables as Markdown (fits a CI step summary) to FILE", HelpName = "FILE" };
    public Option<long> MaxMemory { get; } = new("--max-memory") { Description = "MiB the decoded rows may take in memory (studies that read them many times)", DefaultValueFactory = _ => DataMatrix.DefaultMaxBytes >> 20 };

    public void AddTo(Command command, bool memory = true)
    {
        command.Add(Json);
        command.Add(Html);
        command.Add(Markdown);
        if (memory) command.Add(MaxMemory);
    }

    public long MaxBytes(ParseResult p)
    {
        var mib = p.GetValue(MaxMemory);
        if (mib < 1) throw new SpectraException(SpectraErrorKind.InvalidOption, $"--max-memory must be at least 1 MiB (got {mib})");
        return mib << 20;
    }

    public int Write<T>(ParseResult p, CliIo io, string study, T result, StudyTables.View view, IReadOnlyList<Chart>? charts = null) where T : class
    {
        if (p.GetValue(Json) is { } json) OutputFile.Write(json, StudyJson.Write(study, result));
        if (p.GetValue(Html) is { } html) OutputFile.Write(html, StudyTables.Html(view, charts));
        if (p.GetValue(Markdown) is { } md) OutputFile.Write(md, StudyMarkdown.Write(view));
        if (!p.GetValue(GlobalOptions.Quiet)) io.Out.Write(StudyTables.Text(view));
        return 0;
    }

    /// <summary>The bulk trimming and unfolding of the main analysis, from the shared run options.</summary>
    public static HeadlineOptions Headline(AnalysisRequest r)
    {
        var report = r.ReportSettings(Job.ToolVersion, light: true);
        return new HeadlineOptions { KTop = report.KTop, KBottom = report.KBottom, Unfolding = report.Unfolding };
    }

    /// <summary>The analyzers' options of the main analysis, from the shared run options.</summary>
    public static Analysis.AnalysisOptions Analysis(AnalysisRequest r) => ReportBuilder.AnalysisOptionsFor(r.ReportSettings(Job.ToolVersion));
}
