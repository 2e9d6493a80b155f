namespace Spectra.Analysis.FormFactor;

/// <summary>Options of the spectral form factor (SCIENCE.md §3.5).</summary>
public sealed record FormFactorOptions
{
    /// <summary>Width of the Gaussian filter in units of the standard deviation Γ of the unfolded levels.</summary>
    public double Eta { get; init; } = 0.5;

    public double TauMin { get; init; } = 1e-3;
    public double TauMax { get; init; } = 10;

    /// <summary>Points of the log-spaced τ grid.</summary>
    public int Points { get; init; } = 200;

    /// <summary>Running-mean window (grid points, odd) applied to the connected K before the Thouless-time search.</summary>
    public int SmoothingWindow { get; init; } = 9;

    /// <summary>Relative tolerance |K̄ − K_GOE| ≤ tol · K_GOE + z · se defining the Thouless time.</summary>
    public double ThoulessTolerance { get; init; } = 0.2;

    /// <summary>
    /// z: standard errors of the smoothed K_c (jackknife over the realisations) a point may lie beyond
    /// the tolerance before it counts as off the GOE curve, so that noise in K does not move the Thouless time.
    /// </summary>
    public double ThoulessSigma { get; init; } = 3;

    /// <summary>
    /// K_c counts as defined from the first τ where the filter's disconnected part of K is at most this
    /// fraction of the GOE K: below it K is the filter's transform, and K_c the small difference of two large numbers.
    /// </summary>
    public double DisconnectedLimit { get; init; } = 0.1;

    public UnfoldingOptions Unfolding { get; init; } = UnfoldingOptions.Default;

    /// <summary>Fewest bulk levels per realisation.</summary>
    public int MinimumLevels { get; init; } = 50;

    public static FormFactorOptions Default { get; } = new();

    internal void Validate()
    {
        if (!(Eta > 0 && Eta <= 10)) throw Bad($"the SFF filter width η must be in (0, 10] (got {Eta})");
        if (!(TauMin > 0 && TauMax > TauMin && TauMax <= 1e6)) throw Bad($"the τ grid needs 0 < τ_min < τ_max (got {TauMin} … {TauMax})");
        if (Points < 2 || Points > 100_000) throw Bad($"the τ grid needs 2…100000 points (got {Points})");
        if (SmoothingWindow < 1) throw Bad($"the smoothing window must be ≥ 1 (got {SmoothingWindow})");
        if (!(ThoulessTolerance > 0)) throw Bad($"the Thouless tolerance must be positive (got {ThoulessTolerance})");
        if (!(DisconnectedLimit > 0 && DisconnectedLimit <= 1)) throw Bad($"the disconnected limit must be in (0, 1] (got {DisconnectedLimit})");
        if (!(ThoulessSigma >= 0 && ThoulessSigma <= 100)) throw Bad($"the Thouless band's z must be in [0, 100] (got {ThoulessSigma})");
    }

    private static SpectraException Bad(string m) => new(SpectraErrorKind.InvalidOption, m);
}
