namespace Spectra.Pipeline.Shards;

/// <summary>
/// The JSON header of an accumulator file (format 2, docs/accumulator-format.md): which shards of how many it
/// holds, what input and options made them, what the reads found, and the sizes of the binary sections after it.
/// </summary>
internal sealed record ShardHeader
{
    public const int CurrentVersion = 4;

    /// <summary>The format before exact 8-bit accumulators (every accumulator a mean and a co-moment), still read.</summary>
    public const int FloatOnlyVersion = 3;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The shard indices (1-based) whose rows the file holds, ascending: one for a task's file, all of them once merged.</summary>
    public required IReadOnlyList<int> Shards { get; init; }

    /// <summary>N, the number of shards the input was split into.</summary>
    public required int Of { get; init; }

    public required string Input { get; init; }
    public required string Kind { get; init; }
    public required int Features { get; init; }

    /// <summary>XXH128 of the feature names joined by newlines (null when the features have no names): shards of differently shaped inputs differ here.</summary>
    public string? FeatureNamesHash { get; init; }

    /// <summary>The feature names (null when the features have none), so that a report from the merged file names them as a single run does.</summary>
    public IReadOnlyList<string>? FeatureNames { get; init; }

    /// <summary>The options that shape the rows (every recorded option but the analysis's), as a report records them.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    public required string ToolVersion { get; init; }

    /// <summary>Rows in the accumulators.</summary>
    public long Rows { get; init; }

    public long RowsDropped { get; init; }
    public int Files { get; init; }
    public string? FirstFile { get; init; }
    public string? LastFile { get; init; }

    /// <summary>Each shard's content hash, in shard order (null entries where none was computed).</summary>
    public IReadOnlyList<string?> ContentHashes { get; init; } = [];

    public IReadOnlyList<string> HeaderNotes { get; init; } = [];
    public IReadOnlyList<SkippedItem> HeaderSkipped { get; init; } = [];
    public IReadOnlyList<string> ReadNotes { get; init; } = [];
    public IReadOnlyList<SkippedItem> ReadSkipped { get; init; } = [];
    public long ReadDroppedRows { get; init; }

    /// <summary>The accumulation's own notes (realisations left out for memory).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool ScaleDecided { get; init; }
    public int ScaleExponent { get; init; }
    public double ScaleLargest { get; init; }

    /// <summary>Realisation blocks' accumulators in the file (after the main one; none when the main one is the only block).</summary>
    public int Blocks { get; init; }

    /// <summary>Class labels with an accumulator (after the blocks'), in ordinal order.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>Whether the per-feature minimum and maximum follow (absent when no row was read).</summary>
    public bool HasRange { get; init; }

    /// <summary>Whether the duplicate search was made; then its rows, repeats and entry counts.</summary>
    public bool Duplicates { get; init; }
    public long DuplicateRows { get; init; }
    public long DuplicateCount { get; init; }
    public long DistinctRows { get; init; }
    public int FirstDuplicates { get; init; }

    /// <summary>"shard 2 of 4", "shards 1–4 of 4".</summary>
    public string Describe() => Shards.Count == 1 ? $"shard {Shards[0]} of {Of}" : $"shards {string.Join(", ", Shards)} of {Of}";

    public bool Complete => Shards.Count == Of;
}
