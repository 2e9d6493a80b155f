namespace Spectra.Studies.SampleSize;

/// <summary>
/// When a statistic counts as "converged" at a sample size M (SCIENCE.md §5). ⟨r̃⟩ is compared with
/// GOE, KL(P(s) ‖ GOE) with its plateau (the mean over the draws at the two largest M), α and S / ln n
/// with their value on the largest M of the scan (the full data).
/// </summary>
public sealed record CriticalTolerances
{
    /// <summary>⟨r̃⟩ is GOE-like when |⟨r̃⟩ − 0.5307| ≤ max(<see cref="RatioFloor"/>, <see cref="RatioSigmas"/> σ), σ the standard error of one subset's ⟨r̃⟩ (subsets share rows, so it is not divided by √subsets).</summary>
    public double RatioSigmas { get; init; } = 3;

    public double RatioFloor { get; init; } = 0.01;

    /// <summary>KL(P(s) ‖ GOE) is converged when within this fraction of its plateau (or <see cref="SpacingKlSigmas"/> combined standard errors of the means, if larger).</summary>
    /// <remarks>With a few hundred spacings in 40 bins the divergence itself scatters by 20–40 % between draws, so a tighter band would sit inside its own noise.</remarks>
    public double SpacingKlRelative { get; init; } = 0.5;

    public double SpacingKlSigmas { get; init; } = 2;

    /// <summary>α is converged when within this distance of its full-data value.</summary>
    public double AlphaAbsolute { get; init; } = 0.05;

    /// <summary>S / ln n is converged when within this distance of its full-data value.</summary>
    public double EntropyAbsolute { get; init; } = 0.02;

    public static CriticalTolerances Default { get; } = new();
}
