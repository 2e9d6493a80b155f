namespace Spectra.Analysis.Entropy;

/// <summary>Options of the spectral-entropy analyzer (SCIENCE.md §3.6).</summary>
public sealed record EntropyOptions
{
    /// <summary>Also report the entropy of the bulk alone.</summary>
    public bool IncludeBulk { get; init; } = true;

    public static EntropyOptions Default { get; } = new();
}
