namespace Spectra.Pipeline;

/// <summary>
/// Everything one pass over the rows leaves for the solve: the accumulation (held rows or accumulators), the
/// features that never varied, the scale, the duplicate search and what the read found. A single run solves it at
/// once; a shard writes it to an accumulator file, and the merge of the shards' files is one again.
/// </summary>
internal sealed class RowsRead : IDisposable
{
    public required int Features { get; init; }
    public required IReadOnlyList<string>? FeatureNames { get; init; }
    public required SourceHeader Header { get; init; }
    public required ReadSummary Read { get; init; }
    public required ILinearAlgebraBackend Backend { get; init; }
    public required RowAccumulation Accumulation { get; init; }
    public required ConstantFeatures Constant { get; init; }
    public required DataScale Scale { get; init; }

    /// <summary>Rows the non-finite policy dropped.</summary>
    public required long RowsDropped { get; init; }

    /// <summary>The duplicate search of a read: null when duplicates were not looked for, or the rows were read back from shards.</summary>
    public DuplicateDetector? Detector { get; init; }

    /// <summary>The duplicate search of shards read back and joined.</summary>
    public DuplicateLedger? JoinedDuplicates { get; init; }

    public DuplicateRows Duplicates => JoinedDuplicates?.Result() ?? Detector?.Result() ?? DuplicateRows.None;

    /// <summary>What a shard file carries of the duplicate search (every distinct row's hash and name); null when there was none.</summary>
    public DuplicateLedger? DuplicateLedger() => JoinedDuplicates ?? Detector?.Ledger();

    /// <summary>The run's own notes (realisations left out for memory).</summary>
    public required List<string> Notes { get; init; }

    public TimeSpan ReadTime { get; init; }
    public TimeSpan AccumulateTime { get; init; }

    public void Dispose() => Accumulation.Dispose();
}
