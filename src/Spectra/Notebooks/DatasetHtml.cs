using static Spectra.Notebooks.NotebookHtml;

namespace Spectra.Notebooks;

/// <summary>
/// A dataset description before anything is read: what it points at, the matrix it asks for and the
/// options that change the numbers, under the CLI's names. Rendering it never opens the data.
/// </summary>
internal static class DatasetHtml
{
    public static string Describe(Dataset d)
    {
        var rows = new List<(string, string)>
        {
            ("input", $"{d.Name} ({d.Kind})"),
            ("matrix", Spectra.Jobs.Parameters.Matrix.TextOf(d.Request.Matrix) + (d.Request.PerClass ? ", per class" : "")),
        };
        rows.AddRange(d.OptionMap().Select(kv => ($"--{kv.Key.Replace('_', '-')}", kv.Value)));
        return new StringBuilder("<h3>Dataset</h3>\n")
            .Append(Table(rows))
            .Append("<p class=\"muted\">Nothing is read yet: <code>Spectrum()</code>, <code>Analyze()</code>, <code>Baseline()</code> and <code>Check()</code> read the data.</p>\n")
            .ToString();
    }
}
