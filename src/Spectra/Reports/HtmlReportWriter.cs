namespace Spectra.Reports;

/// <summary>
/// One self-contained HTML page: inline CSS, inline SVG charts, no script and no external resource,
/// so it opens offline and can be attached to a CI run as it is.
/// </summary>
internal static class HtmlReportWriter
{
    /// <summary>The page; a lead (a check's verdicts) comes before the analysis when given.</summary>
    public static string Write(ReportDocument r, HtmlPageLead? lead = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append($"<title>Spectra {lead?.Kind ?? "report"}: {E(r.Input.Path)}</title>\n");
        sb.Append("<style>\n");
        sb.Append("body{font-family:sans-serif;margin:16px;color:#222;max-width:1320px}");
        sb.Append("h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 6px}");
        sb.Append("table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}");
        sb.Append("td.n{text-align:right;font-variant-numeric:tabular-nums}");
        sb.Append(".charts{display:grid;grid-template-columns:repeat(2,640px);gap:12px}");
        sb.Append(".verdict{font-size:15px;padding:6px 10px;border-left:4px solid #1f4e79;background:#f3f6fa}");
        sb.Append(".muted{color:#666;font-size:12px}");
        if (lead is not null) sb.Append(lead.Style);
        sb.Append("\n</style>\n</head>\n<body>\n");

        sb.Append($"<h1>Spectra {lead?.Kind ?? "report"}</h1>\n<p class=\"muted\">spectra {E(r.ToolVersion)} · schema {E(r.Schema)}</p>\n");
        if (lead is not null) sb.Append(lead.Body);
        sb.Append($"<p class=\"verdict\" id=\"verdict\"><b>{E(r.Verdict.Class)}</b>: {E(r.Verdict.Summary)}</p>\n");

        sb.Append("<h2>Charts</h2>\n<div class=\"charts\">\n");
        foreach (var chart in ReportCharts.All(r))
            sb.Append("<figure style=\"margin:0\">").Append(SvgChartWriter.Render(chart)).Append("</figure>\n");
        sb.Append("</div>\n");

        sb.Append("<h2>Fingerprint</h2>\n<table id=\"fingerprint\"><tr><th>statistic</th><th>value</th><th>GOE</th><th>Poisson</th></tr>\n");
        foreach (var row in FingerprintRows.From(r)) Row(sb, row.Statistic, row.Value, row.Goe, row.Poisson);
        sb.Append("</table>\n");

        var m = r.Matrix;
        sb.Append("<h2>Input and matrix</h2>\n<table id=\"provenance\">\n");
        Pair(sb, "path", r.Input.Path);
        Pair(sb, "kind", r.Input.Kind);
        Pair(sb, "files", I(r.Input.Files) + (r.Input.Skipped.Count > 0 ? $" ({Spectra.Data.SkippedItem.Describe(r.Input.Skipped.Count, r.Input.Kind)})" : ""));
        Pair(sb, "content hash", r.Input.ContentHash ?? "–");
        Pair(sb, "duplicate rows", $"{r.Input.DuplicateCount} ({F(r.Input.DuplicateRate * 100, 2)} %)");
        Pair(sb, "matrix", m.IsLevels ? m.Describe() : $"{m.Requested} requested, {m.Computed} computed; {m.Samples} samples × {m.Features} features; centred {Yes(m.Centered)}, standardised {Yes(m.Standardized)}");
        Pair(sb, "spectrum", $"{r.Spectrum.Eigenvalues.Count} eigenvalues, {r.Spectrum.ZeroModes} zero modes, bulk of {r.Spectrum.BulkCount} (k_top {r.Spectrum.KTop}, k_bottom {r.Spectrum.KBottom})");
        Pair(sb, "backend", $"{r.Backend.Name} ({r.Backend.Library}), {r.Backend.Threads} thread(s); rank-k update: {r.Backend.RankKUpdate}");
        Pair(sb, "options", string.Join(", ", r.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} = {o.Value}")));
        sb.Append("</table>\n");

        if (r.Input.DuplicateExamples.Count > 0)
        {
            sb.Append("<h2>Duplicate samples (first pairs)</h2>\n<table id=\"duplicates\"><tr><th>duplicate</th><th>repeats</th></tr>\n");
            foreach (var d in r.Input.DuplicateExamples) sb.Append($"<tr><td>{E(d.Duplicate)}</td><td>{E(d.First)}</td></tr>\n");
            sb.Append("</table>\n");
        }
        if (r.Input.Skipped.Count > 0)
        {
            sb.Append("<h2>Skipped</h2>\n<table id=\"skipped\"><tr><th>file</th><th>reason</th></tr>\n");
            foreach (var s in r.Input.Skipped) sb.Append($"<tr><td>{E(s.Path)}</td><td>{E(s.Reason)}</td></tr>\n");
            sb.Append("</table>\n");
        }
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string name, string value, string goe, string poisson) =>
        sb.Append($"<tr><td>{E(name)}</td><td class=\"n\">{E(value)}</td><td class=\"n\">{E(goe)}</td><td class=\"n\">{E(poisson)}</td></tr>\n");

    private static void Pair(StringBuilder sb, string name, string value) => sb.Append($"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>\n");

    private static string E(string s) => WebUtility.HtmlEncode(s);
    private static string Yes(bool b) => b ? "yes" : "no";
    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    internal static string F(double v, int decimals) => double.IsFinite(v) ? v.ToString("F" + decimals, CultureInfo.InvariantCulture) : "n/a";
    internal static string G(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "n/a";
}
