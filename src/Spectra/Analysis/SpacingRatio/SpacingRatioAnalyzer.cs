namespace Spectra.Analysis.SpacingRatio;

/// <summary>
/// r̃_i = min(s_i, s_{i+1}) / max(s_i, s_{i+1}) on the sorted bulk, no unfolding needed. Exact ties
/// give zero spacings; a ratio touching one carries no information about level repulsion (0/0 or a
/// spurious 0), so it is excluded and counted rather than turned into NaN.
/// </summary>
internal sealed class SpacingRatioAnalyzer() : SpectrumAnalyzer<SpacingRatioOptions, SpacingRatioResult>("spacing_ratio")
{
    protected override void Validate(SpacingRatioOptions options)
    {
        if (options.Bins < 1) throw new SpectraException(SpectraErrorKind.InvalidOption, $"spacing-ratio bins must be ≥ 1 (got {options.Bins})");
    }

    protected override AnalyzerOutcome<SpacingRatioResult> Run(AnalysisInput input, SpacingRatioOptions options)
    {
        var levels = input.Bulk.Levels;
        var need = Math.Max(4, options.MinimumLevels);
        if (levels.Length < need) return AnalyzerOutcome<SpacingRatioResult>.NotEnough("the spacing ratio", levels.Length, need);

        var (ratios, zeros, excluded) = Ratios(levels, 1);
        if (ratios.Length < 2)
            return AnalyzerOutcome<SpacingRatioResult>.NotEnough("the spacing ratio (after excluding ties)", levels.Length - zeros, need);

        var mean = Statistics.Mean(ratios);
        var sd = Statistics.StandardDeviation(ratios);
        var position = (mean - SpacingRatioReferences.PoissonMean) / (SpacingRatioReferences.GoeMean - SpacingRatioReferences.PoissonMean);
        var comparisons = new List<RatioComparison>();
        foreach (var (name, ensemble) in new[] { ("poisson", LevelStatistics.Poisson), ("goe", LevelStatistics.Goe), ("gue", LevelStatistics.Gue) })
        {
            var (d, p) = KolmogorovSmirnov.Test(ratios, x => SpacingRatioReferences.FoldedCdf(ensemble, x));
            comparisons.Add(new RatioComparison(name, SpacingRatioReferences.AsymptoticMean(ensemble), d, p));
        }
        var higher = new List<HigherOrderRatio>();
        foreach (var k in options.HigherOrders.Distinct().Order())
        {
            if (k < 2) throw new SpectraException(SpectraErrorKind.InvalidOption, $"higher-order ratios need k ≥ 2 (got {k})");
            var (rk, _, _) = Ratios(levels, k);
            if (rk.Length < 2) continue;
            higher.Add(new HigherOrderRatio(k, rk.Length, Statistics.Mean(rk), Statistics.StandardDeviation(rk) / Math.Sqrt(rk.Length)));
        }
        return AnalyzerOutcome<SpacingRatioResult>.Ok(new SpacingRatioResult(levels.Length, ratios.Length, zeros, excluded, mean,
            sd / Math.Sqrt(ratios.Length), sd, position, Histogram.Build(ratios, 0, 1, options.Bins), comparisons, higher));
    }

    /// <summary>⟨r̃⟩ of ascending levels alone (used by the finite-size references); NaN-free, 0 when no ratio exists.</summary>
    public static double MeanRatio(ReadOnlySpan<double> ascending)
    {
        var (r, _, _) = Ratios(ascending, 1);
        return r.Length == 0 ? 0 : Statistics.Mean(r);
    }

    /// <summary>Folded ratios of consecutive non-overlapping k-spacings S_i = λ_{i+k} − λ_i and S_{i+k}.</summary>
    public static (double[] Ratios, int ZeroSpacings, int Excluded) Ratios(ReadOnlySpan<double> ascending, int k)
    {
        var n = ascending.Length;
        var zeros = 0;
        for (var i = 0; i + k < n; i++)
            if (ascending[i + k] - ascending[i] == 0) zeros++;
        var count = Math.Max(0, n - 2 * k);
        var ratios = new List<double>(count);
        var excluded = 0;
        for (var i = 0; i < count; i++)
        {
            var a = ascending[i + k] - ascending[i];
            var b = ascending[i + 2 * k] - ascending[i + k];
            if (a <= 0 || b <= 0)
            {
                excluded++;
                continue;
            }
            ratios.Add(a < b ? a / b : b / a);
        }
        return (ratios.ToArray(), zeros, excluded);
    }
}
