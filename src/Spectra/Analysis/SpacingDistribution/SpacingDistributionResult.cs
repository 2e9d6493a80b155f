namespace Spectra.Analysis.SpacingDistribution;

/// <summary>Unfolded spacings against one reference surmise.</summary>
/// <param name="Reference">"poisson", "goe" (Wigner surmise) or "gue".</param>
/// <param name="KullbackLeibler">KL(P_empirical ‖ P_reference) over the histogram cells plus one tail cell [max, ∞).</param>
/// <param name="JensenShannon">JS divergence over the same cells (≤ ln 2).</param>
public sealed record SpacingComparison(string Reference, double KullbackLeibler, double JensenShannon, double KsStatistic, double KsPValue);

[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })] // rich display in notebooks (docs/notebooks.md)
public sealed record SpacingDistributionResult(int Levels, int Spacings, UnfoldingDiagnostics Unfolding, double MeanSpacing,
    double SecondMoment, Histogram Histogram, IReadOnlyList<SpacingComparison> Comparisons)
{
    public SpacingComparison Against(string reference) => Comparisons.First(c => c.Reference == reference);
}
