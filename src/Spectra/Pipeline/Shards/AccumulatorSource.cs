namespace Spectra.Pipeline.Shards;

/// <summary>
/// A complete accumulator file (a merge of every shard) as an input: it holds the sums a read would leave, not
/// rows, so the pipeline solves it directly (<see cref="SpectrumPipeline.Run"/>) and a job that must read rows
/// again (a resampled baseline, a subset) is refused by name.
/// </summary>
internal sealed class AccumulatorSource : IDataSource
{
    private readonly string _path;
    private readonly ShardHeader _header;

    /// <param name="rowOptions">The options that shape the rows, as this run asks for them: they must be the shards' own.</param>
    public AccumulatorSource(string path, IReadOnlyDictionary<string, string> rowOptions)
    {
        _path = path;
        _header = ShardFile.ReadHeader(path);
        if (!_header.Complete)
            throw new SpectraException(SpectraErrorKind.InvalidInput,
                $"the file holds {_header.Describe()}: the others are missing", path,
                hint: "merge every shard first: spectra merge run/shard-*.spacc -o merged.spacc");
        foreach (var key in _header.Options.Keys.Union(rowOptions.Keys).Order(StringComparer.Ordinal))
        {
            var recorded = _header.Options.GetValueOrDefault(key);
            var asked = rowOptions.GetValueOrDefault(key);
            if (recorded != asked)
                throw SpectraException.Naming(SpectraErrorKind.InvalidOption,
                    $"the shards were accumulated with {{{key}}} {recorded ?? "at its default"}; this run asks for {asked ?? "the default"}", [key], path,
                    hint: "the rows' options are fixed when the shards are accumulated: leave the option out, or accumulate again");
        }
        Header = new SourceHeader(_header.Input, _header.Kind) { Notes = _header.HeaderNotes, Skipped = _header.HeaderSkipped };
    }

    /// <summary>The options the shards were accumulated with, which an analysis of the file applies where it was not given others.</summary>
    public static IReadOnlyDictionary<string, string> RecordedOptions(string path) => ShardFile.ReadHeader(path).Options;

    public int Features => _header.Features;
    public SourceHeader Header { get; }
    public IReadOnlyList<string>? FeatureNames => _header.FeatureNames;

    /// <summary>The sums the file holds, fresh for each solve (solving consumes them).</summary>
    public RowsRead Restore(SpectrumOptions options)
    {
        var backend = LinearAlgebraBackends.Get(options.Threads);
        return ShardSet.Restore(ShardSet.Merge([_path], backend), options, backend, _path);
    }

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        throw new SpectraException(SpectraErrorKind.Unsupported, "an accumulator file holds the sums of its rows, not the rows, so they cannot be read again", _path,
            hint: "analyse it or check it against a baseline; a baseline's resampled replicates and a check's equal-size subset need the input itself");
}
