namespace Spectra.Spectrum.Unfolding;

/// <summary>How the smooth staircase N̄(λ) is fitted.</summary>
public enum UnfoldingMethod
{
    /// <summary>Least-squares polynomial in ln λ (default): a power-law bulk spans decades, and is smooth in ln λ.</summary>
    PolynomialLogLambda,
    /// <summary>Least-squares polynomial in λ; fails on power-law bulks, offered for comparison and for linear spectra.</summary>
    PolynomialLambda,
    /// <summary>Gaussian-kernel local density in ln λ, the bandwidth a fixed number of local mean spacings.</summary>
    GaussianKernel,
}

/// <summary>Unfolding options. Defaults follow SCIENCE.md §3.2.</summary>
public sealed record UnfoldingOptions
{
    public UnfoldingMethod Method { get; init; } = UnfoldingMethod.PolynomialLogLambda;

    /// <summary>Polynomial degree (polynomial methods). Lowered automatically to keep ≥ 4 levels per coefficient.</summary>
    public int Degree { get; init; } = 9;

    /// <summary>Fraction of unfolded levels dropped at each end (the fit is worst there).</summary>
    public double TrimFraction { get; init; } = 0.05;

    /// <summary>Kernel bandwidth in local mean spacings (Gaussian-kernel method).</summary>
    public double KernelBandwidthLevels { get; init; } = 8;

    public static UnfoldingOptions Default { get; } = new();

    internal void Validate()
    {
        if (Degree < 1 || Degree > 30)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"unfolding degree must be in 1…30 (got {Degree})");
        if (!(TrimFraction >= 0 && TrimFraction < 0.45))
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"unfolding trim fraction must be in [0, 0.45) (got {TrimFraction})");
        if (!(KernelBandwidthLevels >= 1 && KernelBandwidthLevels <= 1000))
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"kernel bandwidth must be 1…1000 level spacings (got {KernelBandwidthLevels})");
    }
}
