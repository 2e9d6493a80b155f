namespace Spectra.Pipeline.Shards;

/// <summary>What an accumulator file holds: its header and the sections after it.</summary>
internal sealed record ShardContents(
    ShardHeader Header,
    MomentAccumulator Main,
    IReadOnlyList<MomentAccumulator> Blocks,
    IReadOnlyDictionary<string, MomentAccumulator> Classes,
    double[] Min,
    double[] Max,
    DuplicateLedger? Duplicates);
