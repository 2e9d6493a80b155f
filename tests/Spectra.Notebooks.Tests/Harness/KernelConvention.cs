using System.Collections;
using System.Reflection;

namespace Spectra.Notebooks.Tests.Harness;

/// <summary>
/// The .NET Interactive kernel's convention-based formatter discovery, re-done with reflection only
/// (the kernel packages are not available here): on the value's type and its base types, an
/// attribute whose simple name is "TypeFormatterSourceAttribute" with a public Type property
/// "FormatterSourceType"; that type is created with its public parameterless constructor; its public
/// "CreateTypeFormatters()" returns formatters, each with a public string property "MimeType" and a
/// public method "Format(object, TextWriter)" returning bool.
/// </summary>
public static class KernelConvention
{
    /// <summary>The text the discovered formatter writes for the MIME type, or null when none applies.</summary>
    public static string? Format(object value, string mimeType)
    {
        foreach (var formatter in Formatters(value.GetType()))
        {
            if (formatter.GetType().GetProperty("MimeType")?.GetValue(formatter) as string != mimeType) continue;
            var format = formatter.GetType().GetMethod("Format", new[] { typeof(object), typeof(TextWriter) })
                ?? throw new InvalidOperationException($"{formatter.GetType()} has no Format(object, TextWriter)");
            if (format.ReturnType != typeof(bool)) throw new InvalidOperationException($"{formatter.GetType()}.Format does not return bool");
            using var writer = new StringWriter();
            if ((bool)format.Invoke(formatter, new object[] { value, writer })!) return writer.ToString();
        }
        return null;
    }

    /// <summary>The preferred MIME types the attribute declares, empty when none.</summary>
    public static IReadOnlyList<string> PreferredMimeTypes(Type type) =>
        Attributes(type).SelectMany(a => a.GetType().GetProperty("PreferredMimeTypes")?.GetValue(a) as string[] ?? Array.Empty<string>()).ToList();

    public static IEnumerable<object> Formatters(Type type)
    {
        foreach (var attribute in Attributes(type))
        {
            if (attribute.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType) continue;
            var source = Activator.CreateInstance(sourceType)!;
            var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
                ?? throw new InvalidOperationException($"{sourceType} has no public CreateTypeFormatters()");
            if (create.Invoke(source, null) is IEnumerable formatters)
                foreach (var f in formatters) yield return f!;
        }
    }

    private static IEnumerable<object> Attributes(Type type) =>
        type.GetCustomAttributes(true).Where(a => a.GetType().Name == "TypeFormatterSourceAttribute");
}
