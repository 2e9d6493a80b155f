namespace Spectra.Notebooks;

/// <summary>
/// The formatters the notebook kernel discovers by convention on Spectra's result types: an HTML
/// formatter (report, charts, tables) and a plain-text one (the short summary). The kernel reads
/// each formatter's <c>MimeType</c> property and calls its <c>Format(object, TextWriter)</c> method.
/// </summary>
public sealed class NotebookFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlNotebookFormatter();
        yield return new PlainTextNotebookFormatter();
    }
}

/// <summary>Renders a Spectra result as an HTML fragment with inline SVG charts.</summary>
public sealed class HtmlNotebookFormatter
{
    public string MimeType => "text/html";

    /// <summary>Writes the HTML and returns true, or returns false for a value Spectra does not render.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is null || !NotebookHtml.CanRender(instance)) return false;
        writer.Write(NotebookHtml.Render(instance));
        return true;
    }
}

/// <summary>Writes a Spectra result's short plain-text summary.</summary>
public sealed class PlainTextNotebookFormatter
{
    public string MimeType => "text/plain";

    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is null || !NotebookHtml.CanRender(instance)) return false;
        writer.Write(NotebookText.Summary(instance));
        return true;
    }
}
