namespace Spectra.Data;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, as a Slurm array task id): a fixed, contiguous
/// share of an input's units (the sorted files of a folder, the rows of one file, the row groups of a Parquet
/// dataset). Shards taken in index order read every unit once, in the order a single run reads them.
/// </summary>
internal sealed record ShardSelection(int Index, int Count)
{
    /// <summary>The largest shard count accepted: more tasks than that would each hold a d × d accumulator for very little data.</summary>
    public const int MaxCount = 100_000;

    /// <summary>The units [Start, End) of <paramref name="units"/> this shard reads.</summary>
    public (long Start, long End) Range(long units) =>
        ((long)((Int128)units * (Index - 1) / Count), (long)((Int128)units * Index / Count));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Reads "I/N" (1 ≤ I ≤ N ≤ <see cref="MaxCount"/>).</summary>
    public static ShardSelection Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxCount && i >= 1 && i <= n)
            return new ShardSelection(i, n);
        throw new SpectraException(SpectraErrorKind.InvalidOption, $"--shard must be I/N with 1 ≤ I ≤ N ≤ {MaxCount}, got '{text}'",
            hint: "shards count from 1, as Slurm array task ids do: --shard 1/4 … --shard 4/4");
    }
}
