namespace Spectra.Data;

/// <summary>A file the source passed over, and why (with a skip-invalid option, or an unanalysable column).</summary>
public sealed record SkippedItem(string Path, string Reason)
{
    /// <summary>"2 files skipped" or, for a Parquet table, whose skipped items are columns, "2 columns skipped".</summary>
    public static string Describe(int count, string kind) =>
        $"{count} {(kind == "parquet" ? "column" : "file")}{(count == 1 ? "" : "s")} skipped";
}

/// <summary>What a source read: mutable while reading, frozen into the report afterwards.</summary>
public sealed class SourceInfo
{
    public SourceInfo(string path, string kind)
    {
        Path = path;
        Kind = kind;
    }

    /// <summary>The path the user gave.</summary>
    public string Path { get; }

    /// <summary>"images", "parquet", "npy", "idx", "synthetic", ...</summary>
    public string Kind { get; }

    /// <summary>Number of files that contributed rows.</summary>
    public int Files { get; set; }

    /// <summary>Files or columns passed over, with the reason.</summary>
    public List<SkippedItem> Skipped { get; } = new();

    /// <summary>Hex SHA-256 over the inputs' bytes in read order (or over the generator's parameters).</summary>
    public string? ContentHash { get; set; }

    /// <summary>Rows dropped by a policy (non-finite values, nulls), with the policy's name.</summary>
    public long DroppedRows { get; set; }

    /// <summary>Free-form notes a source wants in the report (e.g. "4 columns selected of 9").</summary>
    public List<string> Notes { get; } = new();
}
