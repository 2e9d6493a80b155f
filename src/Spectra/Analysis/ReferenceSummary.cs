namespace Spectra.Analysis;

/// <summary>The asymptotic (closed-form) reference values quoted in every report.</summary>
public sealed record ClosedFormReferences(double PoissonRatioMean, double GoeRatioMean, double GoeSurmiseRatioMean, double GueRatioMean,
    double GseRatioMean, double WignerMeanSpacing, double WignerSecondMoment)
{
    public static ClosedFormReferences Instance { get; } = new(SpacingRatioReferences.PoissonMean, SpacingRatioReferences.GoeMean,
        SpacingRatioReferences.GoeSurmiseMean, SpacingRatioReferences.GueMean, SpacingRatioReferences.GseMean, 1.0, 4 / Math.PI);
}

/// <summary>One observed statistic against the GOE and Poisson references at the user's n.</summary>
/// <param name="Basis">"finite-size" (simulated at the user's n) or "asymptotic" (closed forms; spread = the statistic's own standard error).</param>
/// <param name="GoeZ">(observed − GOE mean) / GOE spread; null when the spread is 0.</param>
/// <param name="Verdict">"GOE-like", "Poisson-like" or "intermediate" for this statistic alone.</param>
public sealed record StatisticComparison(string Key, double Observed, string Basis, double GoeMean, double GoeSpread, double? GoeZ,
    double PoissonMean, double PoissonSpread, double? PoissonZ, string Verdict);

public sealed record ReferenceSummary(ClosedFormReferences ClosedForm, FiniteSizeReferenceSet? FiniteSize, IReadOnlyList<StatisticComparison> Comparisons);
