using Spectra.Studies.Rendering;

namespace Spectra.Notebooks;

/// <summary>A study renders as the body of its own HTML page (<see cref="StudyTables"/> and its charts), without the page's head and global styles.</summary>
internal static class StudyNotebookHtml
{
    public static string Study(DatasetStudy s)
    {
        var page = StudyTables.Html(s.View, s.Charts);
        var start = page.IndexOf("<body>", StringComparison.Ordinal);
        var end = page.LastIndexOf("</body>", StringComparison.Ordinal);
        return start >= 0 && end > start ? page[(start + "<body>".Length)..end].TrimStart('\n') : page;
    }
}
