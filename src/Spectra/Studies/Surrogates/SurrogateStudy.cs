namespace Spectra.Studies.Surrogates;

/// <summary>
/// Nulls made from the data itself: seeded column-shuffled and row-permuted surrogates run through
/// the identical pipeline and statistics, so a report can say where the real data sits between its
/// own uncorrelated version and GOE.
/// </summary>
internal static class SurrogateStudy
{
    public static SurrogateResult Run(IDataSource source, SurrogateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= SurrogateOptions.Default;
        options.Validate();
        return Run(DataMatrix.Load(source, options.MaxBytes, cancellationToken), options, cancellationToken);
    }

    public static SurrogateResult Run(DataMatrix data, SurrogateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= SurrogateOptions.Default;
        options.Validate();
        var real = Headline.Of(StudySpectra.Of(data.ToSource(), options.Spectrum, cancellationToken), options.Headline);
        var draws = new List<SurrogateDraw>();
        foreach (var kind in options.Kinds.Distinct())
            for (var k = 0; k < options.Draws; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var values = SurrogateData.Make(kind, data.Values, data.Rows, data.Features, options.Seed, k);
                var source = data.WithValues(values, $"{data.Info.Path} [{SurrogateData.Key(kind)} #{k}]");
                draws.Add(new SurrogateDraw(SurrogateData.Key(kind), k, Headline.Of(StudySpectra.Of(source, options.Spectrum, cancellationToken), options.Headline)));
            }

        var statistics = new List<SurrogateStatistic>();
        foreach (var name in HeadlineStatistics.Names)
        {
            var value = real.Get(name);
            var (goe, poisson) = References(name);
            var comparisons = new List<SurrogateComparison>();
            foreach (var kind in draws.Select(x => x.Kind).Distinct())
            {
                var spread = Spread.Of(draws.Where(x => x.Kind == kind).Select(x => x.Statistics.Get(name)));
                comparisons.Add(new SurrogateComparison(kind, spread, ZScore(value, spread), Position(value, spread, goe)));
            }
            statistics.Add(new SurrogateStatistic(name, value, name == "mean_ratio" ? real.MeanRatioStandardError : null, goe, poisson, comparisons));
        }
        return new SurrogateResult(data.Rows, data.Features, options.Seed, real, draws, statistics);
    }

    private static (double? Goe, double? Poisson) References(string statistic) => statistic switch
    {
        "mean_ratio" => (SpacingRatioReferences.GoeMean, SpacingRatioReferences.PoissonMean),
        "spacing_kl_goe" => (0.0, null),
        _ => (null, null),
    };

    private static double? ZScore(double? real, Spread s) =>
        real is null || s.Mean is null || !(s.StandardDeviation > 0) ? null : (real.Value - s.Mean.Value) / s.StandardDeviation!.Value;

    private static double? Position(double? real, Spread s, double? goe)
    {
        if (real is null || s.Mean is null || goe is null) return null;
        var gap = goe.Value - s.Mean.Value;
        if (Math.Abs(gap) <= 3 * (s.StandardDeviation ?? 0) || gap == 0) return null;
        return (real.Value - s.Mean.Value) / gap;
    }
}
