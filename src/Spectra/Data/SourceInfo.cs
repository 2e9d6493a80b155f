namespace Spectra.Data;

/// <summary>A file the source passed over, and why (with a skip-invalid option, or an unanalysable column).</summary>
public sealed record SkippedItem(string Path, string Reason)
{
    /// <summary>"2 files skipped" or, for a Parquet or CSV table, whose skipped items are columns, "2 columns skipped".</summary>
    public static string Describe(int count, string kind) =>
        $"{count} {(kind is "parquet" or "csv" ? "column" : "file")}{(count == 1 ? "" : "s")} skipped";
}

/// <summary>What a run read from its source: the header, one read's summary and what the run itself dropped or noted, as the report shows it.</summary>
public sealed record SourceInfo(string Path, string Kind)
{
    /// <summary>Number of files that contributed rows.</summary>
    public int Files { get; init; }

    /// <summary>Files or columns passed over, with the reason.</summary>
    public IReadOnlyList<SkippedItem> Skipped { get; init; } = Array.Empty<SkippedItem>();

    /// <summary>Hex XXH128 over the inputs' bytes in read order (or over the generator's parameters).</summary>
    public string? ContentHash { get; init; }

    /// <summary>Rows dropped by a policy (non-finite values, nulls).</summary>
    public long DroppedRows { get; init; }

    /// <summary>Free-form notes for the report (e.g. "4 columns selected of 9").</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The header's notes and skipped items first, then the read's, then the reader's own (rows it dropped,
    /// notes on what it computed).
    /// </summary>
    public static SourceInfo Of(SourceHeader header, ReadSummary read, long droppedByReader = 0, IEnumerable<string>? readerNotes = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(read);
        return new SourceInfo(header.Path, header.Kind)
        {
            Files = read.Files,
            ContentHash = read.ContentHash,
            Skipped = header.Skipped.Concat(read.Skipped.Where(s => !header.Skipped.Contains(s))).ToList(),
            DroppedRows = read.DroppedRows + droppedByReader,
            Notes = header.Notes.Concat(read.Notes).Concat(readerNotes ?? Array.Empty<string>()).ToList(),
        };
    }
}
