namespace Spectra.Notebooks;

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
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    public Type FormatterSourceType { get; }

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
