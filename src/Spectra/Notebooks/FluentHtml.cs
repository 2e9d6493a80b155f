namespace Spectra.Notebooks;

/// <summary>
/// <c>ToHtml()</c> on the fluent results, for use outside a notebook. Extension methods rather than
/// members: the notebook layer renders the fluent one, so the fluent results cannot name it.
/// </summary>
public static class FluentHtml
{
    public static string ToHtml(this DatasetAnalysis analysis) => NotebookHtml.Render(analysis);

    public static string ToHtml(this DatasetSpectrum spectrum) => NotebookHtml.Render(spectrum);

    public static string ToHtml(this ClassSpectra classes) => NotebookHtml.Render(classes);

    public static string ToHtml(this DatasetBaseline baseline) => NotebookHtml.Render(baseline);

    public static string ToHtml(this DatasetCheck check) => NotebookHtml.Render(check);

    public static string ToHtml(this DatasetStudy study) => NotebookHtml.Render(study);
}
