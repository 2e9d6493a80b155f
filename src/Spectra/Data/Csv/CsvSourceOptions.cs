namespace Spectra.Data.Csv;

/// <summary>How a CSV or TSV file (plain or gzip-compressed) becomes a sample matrix; the options mean what <see cref="ParquetSourceOptions"/>'s do.</summary>
internal sealed record CsvSourceOptions
{
    /// <summary>
    /// Feature columns by header name, glob (<c>*</c>, <c>?</c>) or 1-based position ("3"); a file without
    /// a header names its columns "column 1", "column 2", …. Null: every column whose first value is a number.
    /// </summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>A column carried as each row's class label, never as a feature.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>What an empty cell in a selected column does.</summary>
    public NullPolicy Nulls { get; init; } = NullPolicy.Error;

    /// <summary>Read at most this many rows, a uniformly random subset drawn with <see cref="Seed"/> (before rows with empty cells are dropped).</summary>
    public long? MaxRows { get; init; }

    public int Seed { get; init; }

    /// <summary>Compute <see cref="SourceInfo.ContentHash"/>, the XXH128 of the file's bytes as stored (compressed for a .gz).</summary>
    public bool HashContent { get; init; } = true;

    /// <summary>
    /// The longest record accepted, in characters. The parser holds a whole record in one buffer, so a file
    /// without line breaks would otherwise grow it without bound; null: <see cref="CsvRecords.DefaultMaxRecordChars"/>,
    /// less when the memory budget is small.
    /// </summary>
    public int? MaxRecordChars { get; init; }

    /// <summary>Read only this shard: a contiguous share of the file's data rows.</summary>
    internal ShardSelection? Shard { get; init; }
}
