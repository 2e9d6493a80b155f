namespace Spectra.Data;

/// <summary>
/// What one read of a source found. The reader creates one for each read and the source fills it as the
/// read goes (the totals once the last chunk is out), so a second read never sees, nor repeats, the first's.
/// </summary>
public sealed class ReadSummary
{
    /// <summary>Number of files that contributed rows.</summary>
    public int Files { get; set; }

    /// <summary>Hex XXH128 over the inputs' bytes in read order (or over the generator's parameters); null when not computed.</summary>
    public string? ContentHash { get; set; }

    /// <summary>Rows the source dropped by a policy (nulls).</summary>
    public long DroppedRows { get; set; }

    public List<string> Notes { get; } = new();

    /// <summary>The first and the last file that contributed rows, in read order: shards read in order share at most a boundary file, so their files add up.</summary>
    internal string? FirstFile { get; set; }

    internal string? LastFile { get; set; }

    /// <summary>Notes that a file contributed rows (in read order).</summary>
    internal void Contributed(string file)
    {
        FirstFile ??= file;
        LastFile = file;
    }

    /// <summary>Files passed over during this read (beyond those the header names).</summary>
    public List<SkippedItem> Skipped { get; } = new();

    /// <summary>Copies this summary's findings into <paramref name="other"/> (a replayed read reports what the original found).</summary>
    public void CopyTo(ReadSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        other.Files = Files;
        other.ContentHash = ContentHash;
        other.DroppedRows = DroppedRows;
        other.FirstFile = FirstFile;
        other.LastFile = LastFile;
        other.Notes.AddRange(Notes);
        other.Skipped.AddRange(Skipped);
    }
}
