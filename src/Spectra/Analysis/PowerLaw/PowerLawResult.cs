namespace Spectra.Analysis.PowerLaw;

/// <summary>α refitted over a changed rank range.</summary>
public sealed record RangeSensitivity(string Range, int StartRank, int EndRank, double Alpha);

/// <summary>
/// The Clauset–Shalizi–Newman fit of the eigenvalue density's tail, p(λ) ∝ λ^-a for λ ≥ x_min.
/// A rank law λ_i ∝ i^-(1+α) has density exponent a = 1 + 1/(1 + α), so the implied α = 1/(a − 1) − 1.
/// </summary>
/// <param name="ImpliedAlphaLow">Lower end of the implied-α interval (null when the upper end of a's interval is unbounded).</param>
/// <param name="ImpliedAlphaHigh">Upper end (null when the lower end of a's interval reaches 1, where α is unbounded).</param>
/// <param name="GoodnessOfFitP">Fraction of synthetic power-law datasets (semi-parametric bootstrap) whose refitted KS distance is at least the observed one; p &lt; 0.1 rejects the power law.</param>
/// <param name="AgreesWithOls">|α_OLS − α_tail| ≤ max(0.1, 2 √(σ²_OLS + σ²_tail)) (docs/analysis.md).</param>
public sealed record PowerLawTailFit(double Exponent, double ExponentStandardError, double XMin, int TailCount, double KsDistance,
    double GoodnessOfFitP, int BootstrapSamples, double ImpliedAlpha, double ImpliedAlphaStandardError, double? ImpliedAlphaLow,
    double? ImpliedAlphaHigh, bool AgreesWithOls);

/// <summary>OLS of ln λ_i on ln i over the rank range, α = −slope − 1.</summary>
/// <param name="StandardError">Standard error of the slope (= of α) from the OLS residuals (residuals are correlated along a spectrum, so prefer the bootstrap interval).</param>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })] // rich display in notebooks (docs/notebooks.md)
public sealed record PowerLawResult(int NonZeroLevels, int StartRank, int EndRank, int Points, double Alpha, double Slope, double Intercept,
    double RSquared, double StandardError, double ConfidenceLevel, double ConfidenceLow, double ConfidenceHigh, int BootstrapSamples,
    IReadOnlyList<RangeSensitivity> Sensitivity, double SensitivitySpread, PowerLawTailFit? Tail);
