using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Spectra.Notebooks.KernelTests;

/// <summary>The outputs committed in a notebook (written by tests/Spectra.Notebooks.Tests), read back to compare with the kernel's.</summary>
public static class CommittedOutputs
{
    /// <summary>For each cell index, the text/html of each committed output that has one.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> Html(string notebookPath)
    {
        var cells = JsonNode.Parse(File.ReadAllText(notebookPath))!["cells"]!.AsArray();
        var byCell = new Dictionary<int, IReadOnlyList<string>>();
        for (var i = 0; i < cells.Count; i++)
        {
            var html = (cells[i]!["outputs"] as JsonArray ?? new JsonArray())
                .Select(o => o?["data"]?["text/html"])
                .Where(h => h is not null)
                .Select(Text)
                .ToList();
            if (html.Count > 0) byCell[i] = html;
        }
        return byCell;
    }

    /// <summary>Whether an HTML output is a Spectra view (the scoped container every Spectra value renders in).</summary>
    public static bool IsSpectraView(string html) => html.Contains("<div class=\"spectra-nb\">", StringComparison.Ordinal);

    /// <summary>SVG charts that draw something: an &lt;svg&gt; holding a path with a non-empty d attribute.</summary>
    public static int DrawnCharts(string html) =>
        Regex.Matches(html, "<svg[^>]*>(.*?)</svg>", RegexOptions.Singleline)
            .Count(m => Regex.IsMatch(m.Groups[1].Value, "<path[^>]* d=\"M[^\"]+\""));

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l ?? "")),
        _ => (string?)node ?? "",
    };
}
