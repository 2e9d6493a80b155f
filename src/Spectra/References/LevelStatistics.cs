namespace Spectra.References;

/// <summary>The level-statistics classes Spectra compares against.</summary>
public enum LevelStatistics
{
    /// <summary>Uncorrelated levels (integrable systems).</summary>
    Poisson,
    /// <summary>Gaussian orthogonal ensemble, β = 1 (time-reversal symmetric chaos; real symmetric data matrices).</summary>
    Goe,
    /// <summary>Gaussian unitary ensemble, β = 2.</summary>
    Gue,
    /// <summary>Gaussian symplectic ensemble, β = 4.</summary>
    Gse,
}
