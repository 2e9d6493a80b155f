using static Spectra.Reports.HtmlReportWriter;

namespace Spectra.Reports;

/// <summary>An analysis as a short Markdown section (fits a CI step summary): the verdict and the fingerprint table.</summary>
internal static class MarkdownReportWriter
{
    public static string Write(ReportDocument r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var m = r.Matrix;
        var sb = new StringBuilder();
        sb.Append($"## Spectra: `{MarkdownText.Code(r.Input.Path)}` is {r.Verdict.Class}\n\n");
        sb.Append($"{MarkdownText.Cell(r.Verdict.Summary)}.\n\n");
        sb.Append($"{m.Describe()} ({r.Input.Kind}); ");
        sb.Append($"{r.Spectrum.ZeroModes} zero modes; bulk of {r.Spectrum.BulkCount}; duplicates {r.Input.DuplicateCount} ({F(r.Input.DuplicateRate * 100, 2)} %); ");
        sb.Append($"backend {r.Backend.Name}; spectra {r.ToolVersion}.\n\n");
        sb.Append("| statistic | value | GOE | Poisson |\n|---|---:|---:|---:|\n");
        foreach (var row in FingerprintRows.From(r))
            sb.Append($"| {MarkdownText.Cell(row.Statistic)} | {MarkdownText.Cell(row.Value)} | {MarkdownText.Cell(row.Goe)} | {MarkdownText.Cell(row.Poisson)} |\n");
        if (r.Input.DuplicateExamples.Count > 0)
        {
            sb.Append("\nFirst duplicate pairs:\n\n");
            foreach (var d in r.Input.DuplicateExamples.Take(5)) sb.Append($"- `{MarkdownText.Code(d.Duplicate)}` repeats `{MarkdownText.Code(d.First)}`\n");
        }
        return sb.ToString();
    }
}
