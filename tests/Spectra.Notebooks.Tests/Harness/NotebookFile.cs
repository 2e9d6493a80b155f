using System.Text.Encodings.Web;

namespace Spectra.Notebooks.Tests.Harness;

/// <summary>One code cell of a notebook: its index among all cells, its kernel language and its source.</summary>
public sealed record NotebookCell(int Index, string Language, string Source);

/// <summary>
/// A .ipynb file (nbformat 4) as Polyglot Notebooks writes it: the C# code cells in order, and a way
/// to replace each cell's outputs.
/// </summary>
public sealed class NotebookFile
{
    private readonly JsonObject _root;

    private NotebookFile(string path, JsonObject root)
    {
        Path = path;
        _root = root;
    }

    public string Path { get; }

    public static NotebookFile Load(string path) =>
        new(path, JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path} is not a JSON object"));

    private JsonArray Cells => _root["cells"] as JsonArray ?? throw new InvalidDataException($"{Path} has no cells");

    /// <summary>The code cells, with the language from the cell's Polyglot metadata (C# when none is given).</summary>
    public IReadOnlyList<NotebookCell> CodeCells()
    {
        var list = new List<NotebookCell>();
        for (var i = 0; i < Cells.Count; i++)
        {
            var cell = Cells[i]!.AsObject();
            if ((string?)cell["cell_type"] != "code") continue;
            var language = (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"]
                ?? (string?)cell["metadata"]?["dotnet_interactive"]?["language"] ?? "csharp";
            list.Add(new NotebookCell(i, language, Text(cell["source"])));
        }
        return list;
    }

    /// <summary>The outputs stored in the file for one cell.</summary>
    public JsonArray StoredOutputs(int index) => Cells[index]!["outputs"] as JsonArray ?? new JsonArray();

    public void SetOutputs(int index, JsonArray outputs, int executionCount)
    {
        var cell = Cells[index]!.AsObject();
        cell["outputs"] = outputs;
        cell["execution_count"] = executionCount;
        if (cell["metadata"] is not JsonObject metadata) cell["metadata"] = metadata = new JsonObject();
        metadata[OutputsOfKey] = SourceHash(Text(cell["source"]));
    }

    /// <summary>Cell metadata key holding the hash of the source the stored outputs were made from.</summary>
    public const string OutputsOfKey = "spectra_outputs_of";

    /// <summary>The source hash recorded with a cell's stored outputs, or null.</summary>
    public string? StoredOutputsOf(int index) => (string?)Cells[index]!["metadata"]?[OutputsOfKey];

    public static string SourceHash(string source) =>
        "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(source.Replace("\r\n", "\n")))).ToLowerInvariant()[..16];

    public void Save()
    {
        var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(Path, _root.ToJsonString(options).Replace("\r\n", "\n") + "\n");
    }

    /// <summary>nbformat stores text as one string or as a list of lines.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l ?? "")),
        _ => (string?)node ?? "",
    };

    /// <summary>Text as nbformat's list of lines (each but the last ending in \n).</summary>
    public static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            array.Add(text[start..end]);
            start = end;
        }
        return array;
    }
}
