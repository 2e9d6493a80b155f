namespace Spectra;

/// <summary>
/// Names the formatter source of a type for the .NET Interactive kernel (Polyglot Notebooks) without
/// referencing it. The kernel matches this attribute by its simple name, reads
/// <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/> by reflection, creates the
/// source with its public parameterless constructor and calls its public <c>CreateTypeFormatters()</c>
/// (docs/notebooks.md). Outside a notebook it does nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>The full name of the notebook layer's formatter source.</summary>
    /// <remarks>
    /// Result types of every layer (spectrum, analysis, reports, fluent) carry this attribute, while the
    /// notebook layer that renders them sits on top of all of them. Naming the source by its full name
    /// instead of <c>typeof</c> keeps those layers free of a reference up to it; a test holds the name to
    /// the type.
    /// </remarks>
    internal const string NotebookFormatterSourceName = "Spectra.Notebooks.NotebookFormatterSource";

    public Type FormatterSourceType { get; } =
        typeof(TypeFormatterSourceAttribute).Assembly.GetType(NotebookFormatterSourceName, throwOnError: true)!;

    /// <summary>
    /// MIME types the kernel renders for the value, in order ("text/html"). text/plain is always added
    /// last: the kernel emits only the preferred types, and a viewer that cannot show HTML (a terminal,
    /// a diff of the .ipynb) still gets the one-line summary.
    /// </summary>
    public string[] PreferredMimeTypes
    {
        get => _preferred;
        set => _preferred = value.Contains(PlainText) ? value : [.. value, PlainText];
    }

    private string[] _preferred = [PlainText];

    private const string PlainText = "text/plain";
}
