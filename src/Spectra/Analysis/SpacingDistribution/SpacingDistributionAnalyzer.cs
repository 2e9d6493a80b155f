namespace Spectra.Analysis.SpacingDistribution;

/// <summary>P(s) of the unfolded bulk against Poisson, the GOE Wigner surmise and (optionally) the GUE surmise.</summary>
internal sealed class SpacingDistributionAnalyzer() : SpectrumAnalyzer<SpacingDistributionOptions, SpacingDistributionResult>("spacing_distribution")
{
    protected override AnalyzerOutcome<SpacingDistributionResult> Run(AnalysisInput input, SpacingDistributionOptions options)
    {
        var levels = input.Bulk.Levels;
        var need = Math.Max(Unfolder.MinimumLevels, options.MinimumLevels);
        if (levels.Length < need) return AnalyzerOutcome<SpacingDistributionResult>.NotEnough("the spacing distribution", levels.Length, need);
        if (levels[^1] <= levels[0])
            return AnalyzerOutcome<SpacingDistributionResult>.NotApplicable("all bulk levels are equal: there are no spacings to compare");

        var unfolded = Unfolder.Unfold(levels, options.Unfolding);
        var s = unfolded.Spacings;
        var ensembles = options.IncludeGue
            ? new[] { LevelStatistics.Poisson, LevelStatistics.Goe, LevelStatistics.Gue }
            : new[] { LevelStatistics.Poisson, LevelStatistics.Goe };
        var comparisons = ensembles.Select(e => Compare(s, e, options)).ToList();
        var second = 0.0;
        foreach (var v in s) second += v * v;
        return AnalyzerOutcome<SpacingDistributionResult>.Ok(new SpacingDistributionResult(levels.Length, s.Length, unfolded.Diagnostics,
            Statistics.Mean(s), second / s.Length, Histogram.Build(s, 0, options.MaxSpacing, options.Bins), comparisons));
    }

    /// <summary>KL, JS and KS of unfolded spacings (mean 1) against one surmise; shared with the finite-size references.</summary>
    public static SpacingComparison Compare(IReadOnlyList<double> spacings, LevelStatistics ensemble, SpacingDistributionOptions options)
    {
        var bins = options.Bins;
        var width = options.MaxSpacing / bins;
        var p = new double[bins + 1];
        foreach (var v in spacings)
        {
            // Negative spacings (a non-monotone fit) count in the first cell; beyond the range in the tail cell.
            var b = v >= options.MaxSpacing ? bins : Math.Max(0, Math.Min(bins - 1, (int)(v / width)));
            p[b] += 1.0 / spacings.Count;
        }
        var q = new double[bins + 1];
        for (var i = 0; i < bins; i++)
            q[i] = SpacingReferences.Cdf(ensemble, (i + 1) * width) - SpacingReferences.Cdf(ensemble, i * width);
        q[bins] = 1 - SpacingReferences.Cdf(ensemble, options.MaxSpacing);
        var (d, pValue) = KolmogorovSmirnov.Test(spacings, x => SpacingReferences.Cdf(ensemble, x));
        return new SpacingComparison(Key(ensemble), Divergence.KullbackLeibler(p, q), Divergence.JensenShannon(p, q), d, pValue);
    }

    internal static string Key(LevelStatistics ensemble) => ensemble switch
    {
        LevelStatistics.Poisson => "poisson",
        LevelStatistics.Goe => "goe",
        LevelStatistics.Gue => "gue",
        _ => "gse",
    };

    protected override void Validate(SpacingDistributionOptions o)
    {
        if (o.Bins < 2 || o.Bins > 10000) throw new SpectraException(SpectraErrorKind.InvalidOption, $"spacing bins must be 2…10000 (got {o.Bins})");
        if (!(o.MaxSpacing > 0 && o.MaxSpacing <= 100)) throw new SpectraException(SpectraErrorKind.InvalidOption, $"the spacing range must be in (0, 100] (got {o.MaxSpacing})");
    }
}
