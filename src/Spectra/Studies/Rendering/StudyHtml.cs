namespace Spectra.Studies.Rendering;

/// <summary>A self-contained HTML page for a study: a title, tables and SVG charts, no external assets.</summary>
internal static class StudyHtml
{
    public sealed record Table(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

    public static string Page(string title, IReadOnlyList<string> notes, IReadOnlyList<Table> tables, IReadOnlyList<Chart> charts)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>\n");
        sb.Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ddd;padding:4px 8px;text-align:right}th{background:#f3f4f6}caption{text-align:left;font-weight:600;padding:4px 0}")
            .Append(".charts{display:flex;flex-wrap:wrap;gap:1em}.note{background:#fef3c7;padding:6px 10px;margin:4px 0}</style></head><body>\n");
        sb.Append("<h1>").Append(E(title)).Append("</h1>\n");
        foreach (var n in notes) sb.Append("<p class=\"note\">").Append(E(n)).Append("</p>\n");
        foreach (var t in tables)
        {
            sb.Append("<table><caption>").Append(E(t.Caption)).Append("</caption><tr>");
            foreach (var h in t.Header) sb.Append("<th>").Append(E(h)).Append("</th>");
            sb.Append("</tr>\n");
            foreach (var row in t.Rows)
            {
                sb.Append("<tr>");
                foreach (var c in row) sb.Append("<td>").Append(E(c)).Append("</td>");
                sb.Append("</tr>\n");
            }
            sb.Append("</table>\n");
        }
        if (charts.Count > 0)
        {
            sb.Append("<div class=\"charts\">\n");
            foreach (var c in charts) sb.Append("<figure style=\"margin:0\">").Append(SvgChartWriter.Render(c)).Append("</figure>\n");
            sb.Append("</div>\n");
        }
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    /// <summary>A number for a table: 4 significant decimals, "—" for null.</summary>
    public static string N(double? v, string format = "G4") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
