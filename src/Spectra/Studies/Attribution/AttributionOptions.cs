namespace Spectra.Studies.Attribution;

/// <summary>
/// Which covariance eigenvectors to trace back to samples and features. Ranks are 1-based with the
/// largest eigenvalue first; by default the top <see cref="Components"/> (the outliers above the bulk).
/// </summary>
internal sealed record AttributionOptions
{
    /// <summary>Number of leading eigenvectors when no rank range is given.</summary>
    public int Components { get; init; } = 5;

    /// <summary>First rank of an explicit range (1 = largest eigenvalue); null uses the top <see cref="Components"/>.</summary>
    public int? FirstRank { get; init; }

    /// <summary>Last rank of an explicit range (inclusive).</summary>
    public int? LastRank { get; init; }

    /// <summary>Features and samples listed per eigenvector.</summary>
    public int TopLoadings { get; init; } = 10;

    public PreprocessOptions Preprocess { get; init; } = PreprocessOptions.Default;

    /// <summary>Largest d whose d × d covariance and eigenvectors are built (8192 is 0.5 GiB per matrix).</summary>
    public int MaxFeatures { get; init; } = 8192;

    /// <summary>Native thread count; 0 leaves the library default.</summary>
    public int Threads { get; init; }

    public static AttributionOptions Default { get; } = new();

    internal (int First, int Last) Ranks(int order)
    {
        if (Components < 1) throw Bad($"attribution needs at least 1 component (got {Components})");
        if (TopLoadings < 1) throw Bad($"attribution needs at least 1 loading per component (got {TopLoadings})");
        var first = FirstRank ?? 1;
        var last = LastRank ?? (FirstRank is null ? Components : first);
        if (first < 1 || last < first)
            throw Bad($"the rank range {first}…{last} is empty or not 1-based (1 = largest eigenvalue)");
        if (first > order)
            throw Bad($"rank {first} asked for, but the covariance has only {order} eigenvalues");
        return (first, Math.Min(last, order));
    }

    private static SpectraException Bad(string m) => new(SpectraErrorKind.InvalidOption, m);
}
