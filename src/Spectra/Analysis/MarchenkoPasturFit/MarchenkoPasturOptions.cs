namespace Spectra.Analysis.MarchenkoPasturFit;

/// <summary>How σ² of the Marchenko–Pastur null model is set.</summary>
public enum NoiseVarianceMethod
{
    /// <summary>Match the median of the non-zero levels to the MP median (robust to a few large signal levels; default).</summary>
    Median,
    /// <summary>The mean of all eigenvalues (trace / n): exact for pure noise, inflated by signal.</summary>
    Trace,
    /// <summary>A given value (<see cref="MarchenkoPasturOptions.SigmaSquared"/>), e.g. 1 for standardised data.</summary>
    Fixed,
}

/// <summary>Options of the Marchenko–Pastur comparison (SCIENCE.md §3.7).</summary>
public sealed record MarchenkoPasturOptions
{
    public NoiseVarianceMethod Method { get; init; } = NoiseVarianceMethod.Median;

    /// <summary>σ² for <see cref="NoiseVarianceMethod.Fixed"/>.</summary>
    public double? SigmaSquared { get; init; }

    /// <summary>Significance level of the Tracy–Widom test of the largest eigenvalue.</summary>
    public double SignificanceLevel { get; init; } = 0.01;

    /// <summary>Bins of the density comparison on [0, 1.5 λ₊].</summary>
    public int Bins { get; init; } = 60;

    public static MarchenkoPasturOptions Default { get; } = new();
}
