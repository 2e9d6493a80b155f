namespace Spectra.Analysis.MarchenkoPasturFit;

/// <summary>Tracy–Widom (β = 1) test of the largest eigenvalue against the white-Wishart null.</summary>
/// <param name="Statistic">(n λ_max / σ² − μ_np) / σ_np with Johnstone's centring and scaling.</param>
/// <param name="PValue">P(TW₁ ≥ statistic) (Bornemann's Fredholm determinant, see docs/analysis.md).</param>
public sealed record TracyWidomTest(double LargestEigenvalue, double Statistic, double PValue, double SignificanceLevel, bool Significant);

/// <param name="Q">Aspect ratio q = p / n of the requested matrix (d / M for a covariance).</param>
/// <param name="AboveUpperEdge">Levels above λ₊: the "signal" directions an uncorrelated dataset would not have.</param>
/// <param name="KsDistance">sup |F_empirical − F_MP| over the non-zero levels.</param>
/// <param name="BinCenters">Centres of the density comparison bins.</param>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })] // rich display in notebooks (docs/notebooks.md)
public sealed record MarchenkoPasturResult(double Q, double SigmaSquared, NoiseVarianceMethod Method, double LowerEdge, double UpperEdge,
    int NonZeroLevels, int AboveUpperEdge, int BelowLowerEdge, double FractionInside, double KsDistance,
    double[] BinCenters, double[] EmpiricalDensity, double[] TheoreticalDensity, TracyWidomTest TracyWidom);
