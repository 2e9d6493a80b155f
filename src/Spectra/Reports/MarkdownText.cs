namespace Spectra.Reports;

/// <summary>Escaping for Markdown table cells and inline code.</summary>
internal static class MarkdownText
{
    public static string Cell(string s) => s.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");
    public static string Code(string s) => s.Replace("`", "'");
}
