namespace Spectra.Data.Hdf5;

/// <summary>How a dataset of an HDF5 file becomes a sample matrix.</summary>
internal sealed record Hdf5SourceOptions
{
    /// <summary>The dataset's path in the file ("/fields/u"); null: the file's only numeric dataset of rank 2 to 4.</summary>
    public string? Dataset { get; init; }

    /// <summary>Read at most this many rows, a uniformly random subset drawn with <see cref="Seed"/>.</summary>
    public long? MaxRows { get; init; }

    public int Seed { get; init; }

    /// <summary>Read only this shard: a contiguous share of the dataset's rows.</summary>
    public ShardSelection? Shard { get; init; }

    /// <summary>Most bytes one hyperslab read may fill (the raw elements and their doubles); a row is read whole whatever this says.</summary>
    public long ReadBytes { get; init; } = 32L << 20;
}
