namespace Spectra.Spectrum.Unfolding;

/// <summary>Diagnostics of one unfolding: how well the smooth staircase follows the real one.</summary>
/// <param name="Method">The method used.</param>
/// <param name="DegreeUsed">Polynomial degree actually fitted (0 for the kernel method).</param>
/// <param name="InputLevels">Levels that entered the fit.</param>
/// <param name="TrimmedPerEnd">Unfolded levels dropped at each end.</param>
/// <param name="MeanSpacing">Mean unfolded spacing before rescaling (1 for a perfect unfolding).</param>
/// <param name="ResidualRms">Root-mean-square of N̄(λ_i) − N(λ_i), in levels.</param>
/// <param name="NegativeSpacings">Unfolded spacings below zero (the fit is not monotone there).</param>
public sealed record UnfoldingDiagnostics(UnfoldingMethod Method, int DegreeUsed, int InputLevels, int TrimmedPerEnd,
    double MeanSpacing, double ResidualRms, int NegativeSpacings);

/// <summary>Unfolded levels (after end trimming) and their spacings rescaled to mean 1.</summary>
internal sealed record UnfoldedLevels(double[] Levels, double[] Spacings, UnfoldingDiagnostics Diagnostics);
