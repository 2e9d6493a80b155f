namespace Spectra.Checks;

/// <summary>The named metrics of one report, as rules and baselines see them.</summary>
internal static class FingerprintMetrics
{
    public static IReadOnlyList<Metric> From(ReportDocument r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var list = new List<Metric>();
        void Add(string key, double? v, double? goe = null, double? poisson = null, double? spread = null)
        {
            if (v is { } x) list.Add(new Metric(key, x, spread, goe, poisson));
        }
        Add(MetricTable.PowerLawAlpha, r.PowerLaw?.Alpha);
        Add(MetricTable.PowerLawR2, r.PowerLaw?.R2);
        Add(MetricTable.SpacingRatioMean, r.SpacingRatio?.Mean, r.SpacingRatio?.GoeReference, r.SpacingRatio?.PoissonReference);
        Add(MetricTable.SpacingRatioGoePosition, r.SpacingRatio?.GoePosition, 1, 0);
        Add(MetricTable.SpacingKlGoe, r.SpacingDistribution?.KlGoe);
        Add(MetricTable.SpacingKlPoisson, r.SpacingDistribution?.KlPoisson);
        // The jackknife spread over the realisations: what a Thouless rule scales by when the baseline has none.
        Add(MetricTable.ThoulessTime, r.FormFactor?.ThoulessTime, spread: r.FormFactor?.ThoulessTimeSpread);
        Add(MetricTable.Entropy, r.Entropy?.Value);
        Add(MetricTable.EntropyNormalized, r.Entropy?.Normalized);
        Add(MetricTable.EffectiveRank, r.Entropy?.EffectiveRank);
        Add(MetricTable.MpAboveEdge, r.MarchenkoPastur?.AboveEdge);
        Add(MetricTable.ZeroModes, r.Spectrum.ZeroModes);
        Add(MetricTable.DuplicateCount, r.Input.DuplicateCount);
        Add(MetricTable.DuplicateRate, r.Input.DuplicateRate);
        Add(MetricTable.SkippedFileRate, SkippedFileRate(r.Input));
        return list;
    }

    /// <summary>
    /// The share of the files found that were passed over as unreadable (skip-invalid). A Parquet
    /// or CSV table's skipped items are columns, not files, so it counts none.
    /// </summary>
    public static double SkippedFileRate(InputSection input)
    {
        var skipped = input.Kind is "parquet" or "csv" ? 0 : input.Skipped.Count;
        var found = input.Files + skipped;
        return found == 0 ? 0 : (double)skipped / found;
    }

    /// <summary>
    /// Each metric's value on the full data with its spread: the standard deviation over bootstrap
    /// replicates (n − 1 in the denominator), and their mean, over the replicates where the metric was computed.
    /// </summary>
    public static IReadOnlyList<Metric> WithSpreads(IReadOnlyList<Metric> full, IReadOnlyList<IReadOnlyList<Metric>> replicates)
    {
        var result = new List<Metric>();
        foreach (var m in full)
        {
            var values = replicates.Select(r => r.FirstOrDefault(x => x.Key == m.Key)?.Value).Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
            double? spread = null;
            double? mean = null;
            if (values.Count >= 2)
            {
                var mu = values.Average();
                mean = mu;
                spread = Math.Sqrt(values.Sum(v => (v - mu) * (v - mu)) / (values.Count - 1));
            }
            result.Add(m with { Spread = spread, ReplicateMean = mean });
        }
        return result;
    }
}
