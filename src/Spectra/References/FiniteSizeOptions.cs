namespace Spectra.References;

/// <summary>Options of the finite-size references (SCIENCE.md §4).</summary>
public sealed record FiniteSizeOptions
{
    /// <summary>Simulate the references (on by default; off falls back to the asymptotic values and the sample's own standard error).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>GOE draws and Poisson sequences per reference.</summary>
    public int Draws { get; init; } = 10;

    /// <summary>Run draws on several threads; every draw has its own seeded stream, so results do not depend on scheduling.</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>
    /// Largest level count simulated. A GOE draw costs O(n²); above this cap the draws have this many
    /// levels, are stretched onto the user's bulk, and the spreads are rescaled by √(simulated / user) levels.
    /// </summary>
    public int MaxLevels { get; init; } = 4096;

    public static FiniteSizeOptions Default { get; } = new();
}
