namespace Spectra.Data.Parquet;

/// <summary>What to do with a null in a selected feature.</summary>
public enum NullPolicy
{
    /// <summary>Stop with an error naming the file, row and column (the default: nulls are usually a data problem).</summary>
    Error,
    /// <summary>Drop every row with a null in a selected feature; the count is reported.</summary>
    DropRow,
    /// <summary>Replace nulls by the feature's mean over the rows read (needs a first pass over the selected columns).</summary>
    MeanImpute,
}

/// <summary>How a Parquet file or folder becomes a sample matrix.</summary>
internal sealed record ParquetSourceOptions
{
    /// <summary>
    /// Feature columns by name, dotted path or glob (<c>*</c>, <c>?</c>). Null: the table's numeric list
    /// column when it has exactly one (an embedding table), otherwise every numeric scalar column but
    /// row ids, integers that strictly increase (lists only through <see cref="ListColumn"/>). Named
    /// columns are read as named, row ids included. Hive partition keys are selectable by name.
    /// </summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>A list or fixed-size-list column expanded into d features (every row must hold d numbers).</summary>
    public string? ListColumn { get; init; }

    /// <summary>A column (text, number or Hive partition key) carried as each row's class label, never as a feature.</summary>
    public string? LabelColumn { get; init; }

    public NullPolicy Nulls { get; init; } = NullPolicy.Error;

    /// <summary>Read at most this many rows, a uniformly random subset drawn with <see cref="Seed"/> (before nulls are dropped).</summary>
    public long? MaxRows { get; init; }

    public int Seed { get; init; }

    /// <summary>Bound on the buffers for one row group's selected columns (see <see cref="ParquetReadOptions.MemoryLimitBytes"/>).</summary>
    public long MemoryLimitBytes { get; init; } = 2L << 30;

    public bool VerifyChecksums { get; init; } = true;

    /// <summary>Compute <see cref="SourceInfo.ContentHash"/>, the XXH128 of every input byte (default on; a second read of each file).</summary>
    public bool HashContent { get; init; } = true;

    /// <summary>Name every row ("file.parquet#row 123") in <see cref="RowChunk.RowIds"/> (default on; a name is made only when shown, from an 8-byte key per row).</summary>
    public bool RowIds { get; init; } = true;

    /// <summary>Columns of one row group decoded at once (default: the processor count; 1 reads them one after another).</summary>
    public int? Parallelism { get; init; }

    /// <summary>Read only this shard: a contiguous share of the dataset's row groups, in file order.</summary>
    internal ShardSelection? Shard { get; init; }
}
