namespace Spectra.Analysis.FormFactor;

/// <summary>The Gaussian-filtered spectral form factor on a log τ grid (τ in Heisenberg times).</summary>
/// <param name="Realisations">Spectra averaged over (1: not averaged, the connected part then subtracts the filter's smooth transform).</param>
/// <param name="Tau">The τ grid.</param>
/// <param name="K">Full K(τ) = ⟨|Z|²⟩ / ⟨Σρ²⟩.</param>
/// <param name="Connected">Connected K_c(τ).</param>
/// <param name="ConnectedSmoothed">K_c after a running mean over <see cref="FormFactorOptions.SmoothingWindow"/> grid points.</param>
/// <param name="Goe">The GOE reference on the same grid (Poisson is 1).</param>
/// <param name="ThoulessTime">The smallest grid τ ≤ 1 from which the smoothed K_c stays on the GOE curve (<see cref="ThoulessEstimate"/>); null if none.</param>
/// <param name="PlateauMean">Mean of K_c over τ ≥ 2 (≈ 1 on the plateau).</param>
/// <param name="ConnectedSmoothedError">Standard error of <see cref="ConnectedSmoothed"/> (jackknife over the realisations; from exponential statistics with fewer than 3).</param>
/// <param name="ThoulessTimeSpread">Jackknife spread of the Thouless time over the realisations.</param>
/// <param name="ThoulessReason">Why there is no Thouless time (null when there is one).</param>
/// <param name="ConnectedDefinedFrom">The first grid τ where K_c is defined (<see cref="FormFactorOptions.DisconnectedLimit"/>); null if nowhere.</param>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })] // rich display in notebooks (docs/notebooks.md)
public sealed record FormFactorResult(int Realisations, double MeanLevels, double Eta, double[] Tau, double[] K, double[] Connected,
    double[] ConnectedSmoothed, double[] Goe, double? ThoulessTime, double? PlateauMean, double RampDeviation,
    double[]? ConnectedSmoothedError = null, double? ThoulessTimeSpread = null, string? ThoulessReason = null,
    double? ConnectedDefinedFrom = null);
