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

    /// <summary>MIME types the kernel should render first ("text/html").</summary>
    public string[] PreferredMimeTypes { get; set; } = Array.Empty<string>();
}
