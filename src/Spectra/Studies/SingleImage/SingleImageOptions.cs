namespace Spectra.Studies.SingleImage;

/// <summary>
/// Single-image mode: each image is a matrix of its own pixel rows × columns (columns are width ×
/// channels), column-centred, and its singular-value spectrum is read like a dataset's.
/// </summary>
internal sealed record SingleImageOptions
{
    /// <summary>Largest order K of the k-th-order spacing ratios (k = 1 … K).</summary>
    public int MaxOrder { get; init; } = 4;

    public HeadlineOptions Headline { get; init; } = HeadlineOptions.Default;

    /// <summary>Fewest bulk levels an image needs to enter the aggregate.</summary>
    public int MinimumLevels { get; init; } = 20;

    /// <summary>GOE and Poisson draws of each image's level count for the finite-size references of every order.</summary>
    public int ReferenceDraws { get; init; } = 40;

    /// <summary>|z| beyond which an order departs from GOE (z over the combined standard errors of data and reference).</summary>
    public double DepartureSigmas { get; init; } = 3;

    public int Seed { get; init; }

    /// <summary>Images read at most (0 = all).</summary>
    public int MaxImages { get; init; }

    public static SingleImageOptions Default { get; } = new();

    internal void Validate()
    {
        if (MaxOrder < 1 || MaxOrder > 50) throw Bad($"the largest ratio order must be 1…50 (got {MaxOrder})");
        if (MinimumLevels < 4) throw Bad($"an image needs at least 4 bulk levels (got {MinimumLevels})");
        if (ReferenceDraws < 2 || ReferenceDraws > 100_000) throw Bad($"reference draws must be 2…100000 (got {ReferenceDraws})");
        if (MaxImages < 0) throw Bad($"the image limit must be ≥ 0 (got {MaxImages})");
    }

    private static SpectraException Bad(string m) => new(SpectraErrorKind.InvalidOption, m);
}
