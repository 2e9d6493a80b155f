namespace Spectra.Studies.Surrogates;

/// <summary>Options of the surrogate study: which surrogates, how many seeded draws of each, and the pipeline they all go through.</summary>
internal sealed record SurrogateOptions
{
    public IReadOnlyList<SurrogateKind> Kinds { get; init; } = new[] { SurrogateKind.ColumnShuffled, SurrogateKind.RowPermuted };

    /// <summary>Draws per kind; the spread over draws is the surrogate's own scatter.</summary>
    public int Draws { get; init; } = 3;

    public int Seed { get; init; }

    /// <summary>Pipeline options shared by the real data and every surrogate.</summary>
    public SpectrumOptions Spectrum { get; init; } = SpectrumOptions.Default;

    public HeadlineOptions Headline { get; init; } = HeadlineOptions.Default;

    /// <summary>Memory limit for holding the decoded rows.</summary>
    public long MaxBytes { get; init; } = DataMatrix.DefaultMaxBytes;

    public static SurrogateOptions Default { get; } = new();

    internal void Validate()
    {
        if (Draws < 1 || Draws > 1000) throw new SpectraException(SpectraErrorKind.InvalidOption, $"surrogate draws must be 1…1000 (got {Draws})");
        if (Kinds.Count == 0) throw new SpectraException(SpectraErrorKind.InvalidOption, "choose at least one surrogate kind");
    }
}
