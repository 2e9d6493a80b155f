namespace Spectra.Analysis.FormFactor;

/// <summary>
/// The Thouless time in Heisenberg times with its jackknife spread over the realisations, or, when
/// there is none, <see cref="Reason"/> says why.
/// </summary>
/// <param name="Value">The smallest grid τ ≤ 1 from which the smoothed K_c stays on the GOE curve; null if none.</param>
/// <param name="Spread">Jackknife standard deviation of the value over the realisations, at least one grid step (null with fewer than 3 realisations or no value).</param>
/// <param name="Reason">Why there is no value (null when there is one).</param>
internal sealed record ThoulessEstimate(double? Value, double? Spread, string? Reason);
