namespace Spectra.Jobs.Cluster;

/// <summary>
/// What a cluster run asks Slurm for: the number of shards (array tasks) and, when given, the partition,
/// time limit, CPUs and memory of each task. Each value goes into an #SBATCH line, so each is checked
/// to be one plain word of Slurm's own syntax before a script holds it.
/// </summary>
internal sealed partial record SlurmSettings
{
    /// <summary>Slurm's default MaxArraySize is 1001, so 1000 tasks is what a stock cluster accepts.</summary>
    public const int MaxShards = 1000;

    public int Shards { get; init; } = 1;
    public string? Partition { get; init; }
    public string? Time { get; init; }
    public int? CpusPerTask { get; init; }
    public string? Memory { get; init; }

    /// <summary>The settings, or one error naming the first value Slurm would not read.</summary>
    public SlurmSettings Validated()
    {
        if (Shards is < 1 or > MaxShards) throw Bad("--shards", Shards.ToString(CultureInfo.InvariantCulture), $"a whole number 1…{MaxShards}");
        if (Partition is { } p && !PartitionPattern().IsMatch(p)) throw Bad("--partition", p, "a partition name (letters, digits, _ . -; several joined by commas)");
        if (Time is { } t && !TimePattern().IsMatch(t)) throw Bad("--time", t, "a Slurm time limit: MINUTES, MM:SS, HH:MM:SS, DAYS-HH[:MM[:SS]] or UNLIMITED");
        if (CpusPerTask is { } c && c is < 1 or > OptionLimits.MaxThreads) throw Bad("--cpus-per-task", c.ToString(CultureInfo.InvariantCulture), $"a whole number 1…{OptionLimits.MaxThreads}");
        if (Memory is { } m && !MemoryPattern().IsMatch(m)) throw Bad("--mem", m, "a size in megabytes or with a unit: 4000, 4G, 512M");
        return this;
    }

    private static SpectraException Bad(string option, string value, string what) =>
        new(SpectraErrorKind.InvalidOption, $"{option} '{value}' is not {what}", hint: "see `spectra slurm --help` and docs/scale-out.md");

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$")]
    private static partial Regex PartitionPattern();

    [GeneratedRegex(@"^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d+(:\d{1,2}(:\d{1,2})?)?|UNLIMITED|INFINITE|unlimited|infinite)$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^[1-9]\d{0,8}[KMGT]?$")]
    private static partial Regex MemoryPattern();
}
