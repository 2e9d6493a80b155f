using Spectra.Reports.Document;

namespace Spectra.Cli;

/// <summary>--json, --markdown and --html: the report files a run writes on request.</summary>
public sealed class ReportOutputOptions
{
    public Option<string?> Json { get; } = new("--json") { Description = "Write the versioned JSON report (docs/report-schema.md) to FILE", HelpName = "FILE" };
    public Option<string?> Markdown { get; } = new("--markdown") { Description = "Write a Markdown summary (fits a CI step summary) to FILE", HelpName = "FILE" };
    public Option<string?> Html { get; } = new("--html") { Description = "Write a self-contained HTML page with SVG charts to FILE", HelpName = "FILE" };

    public void AddTo(Command command)
    {
        command.Add(Json);
        command.Add(Markdown);
        command.Add(Html);
    }

    public void WriteAll(ParseResult p, ReportDocument doc, string? extraMarkdown = null, CheckSummary? check = null, Baseline? baseline = null)
    {
        if (p.GetValue(Json) is { } json) OutputFile.Write(json, check is null ? JsonReportWriter.Write(doc) : CheckJsonWriter.Write(doc, check));
        if (p.GetValue(Html) is { } html) OutputFile.Write(html, HtmlReportWriter.Write(doc, check is null ? null : CheckHtmlSection.Lead(check, baseline)));
        if (p.GetValue(Markdown) is { } md) OutputFile.Write(md, (extraMarkdown is null ? "" : extraMarkdown + "\n") + MarkdownReportWriter.Write(doc));
    }
}
