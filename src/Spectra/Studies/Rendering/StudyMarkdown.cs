namespace Spectra.Studies.Rendering;

/// <summary>
/// A study as Markdown: the title, the notes and the tables of its <see cref="StudyTables.View"/>.
/// Charts are left to the HTML page, as in the analysis's Markdown, so the file fits a CI step summary.
/// </summary>
internal static class StudyMarkdown
{
    public static string Write(StudyTables.View v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var sb = new StringBuilder();
        sb.Append("## ").Append(MarkdownText.Cell(v.Title)).Append("\n\n");
        foreach (var n in v.Notes) sb.Append("- ").Append(MarkdownText.Cell(n)).Append('\n');
        if (v.Notes.Count > 0) sb.Append('\n');
        foreach (var t in v.Tables)
        {
            sb.Append("**").Append(MarkdownText.Cell(t.Caption)).Append("**\n\n");
            sb.Append("| ").Append(string.Join(" | ", t.Header.Select(Header))).Append(" |\n");
            sb.Append('|').Append(string.Concat(t.Header.Select((_, i) => i == 0 ? "---|" : "---:|"))).Append('\n');
            foreach (var row in t.Rows) sb.Append("| ").Append(string.Join(" | ", row.Select(MarkdownText.Cell))).Append(" |\n");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    // An empty header cell would collapse the table in some renderers.
    private static string Header(string h) => h.Length == 0 ? " " : MarkdownText.Cell(h);
}
