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
internal sealed class HtmlNotebookFormatter
{
    public string MimeType => "text/html";

    /// <summary>Writes the HTML and returns true, or returns false for a value Spectra does not render.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is null || !NotebookHtml.CanRender(instance)) return false;
        string html;
        try
        {
            html = NotebookHtml.Render(instance);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A value that cannot be drawn still shows its summary, and the cell does not fail over its picture.
            html = "<pre>" + NotebookHtml.E(PlainTextNotebookFormatter.Safe(instance)) + "</pre>\n<p><em>" +
                   NotebookHtml.E($"(no HTML view: {e.GetType().Name}: {e.Message})") + "</em></p>\n";
        }
        writer.Write(html);
        return true;
    }
}

/// <summary>Writes a Spectra result's short plain-text summary.</summary>
internal sealed class PlainTextNotebookFormatter
{
    public string MimeType => "text/plain";

    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is null || !NotebookHtml.CanRender(instance)) return false;
        writer.Write(Safe(instance));
        return true;
    }

    /// <summary>The summary, or the type's own ToString() when the summary cannot be made.</summary>
    internal static string Safe(object instance)
    {
        try
        {
            return NotebookText.Summary(instance);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (instance.ToString() ?? instance.GetType().Name) + $" (no summary: {e.Message})";
        }
    }
}
