namespace Spectra.Analysis;

/// <summary>
/// Everything one analysis found, as plain records (numbers, strings, arrays, lists): the CLI
/// serialises it 1:1, the notebooks read it, the checks compare its <see cref="Headline"/>.
/// No field holds NaN or infinity; "not available" is null.
/// </summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })] // rich display in notebooks (docs/notebooks.md)
public sealed record SpectralReport(
    string SchemaVersion,
    SpectrumProvenance Provenance,
    SpectrumSummary Spectrum,
    BulkSummary Bulk,
    AnalysisOptions Options,
    AnalyzerOutcome<PowerLawResult> PowerLaw,
    AnalyzerOutcome<SpacingDistributionResult> SpacingDistribution,
    AnalyzerOutcome<SpacingRatioResult> SpacingRatio,
    AnalyzerOutcome<FormFactorResult> FormFactor,
    AnalyzerOutcome<EntropyResult> Entropy,
    AnalyzerOutcome<MarchenkoPasturResult> MarchenkoPastur,
    ReferenceSummary References,
    Verdict Verdict,
    IReadOnlyDictionary<string, double> TimingsMs)
{
    public const string CurrentSchemaVersion = "1";

    /// <summary>
    /// The headline numbers, flat, keyed as in <see cref="MetricTable"/> (only those the analysis could
    /// compute). The input's own counts (duplicates, skipped files) are not the analyzers' and are not here.
    /// </summary>
    public IReadOnlyList<Metric> Headline()
    {
        var m = new List<Metric>
        {
            new(MetricTable.SpectrumNonZero, Spectrum.NonZero),
            new(MetricTable.ZeroModes, Spectrum.ZeroModes),
            new(MetricTable.BulkCount, Bulk.Levels),
        };
        if (SpacingRatio.Value is { } r)
        {
            m.Add(new(MetricTable.SpacingRatioMean, r.Mean, r.StandardError));
            m.Add(new(MetricTable.SpacingRatioGoePosition, r.Position, r.StandardError / SpacingRatioGap));
            m.Add(new(MetricTable.SpacingRatioKsGoe, r.Against("goe").KsStatistic));
        }
        if (Verdict.ZGoe is { } zg) m.Add(new(MetricTable.VerdictZGoe, zg));
        if (Verdict.ZPoisson is { } zp) m.Add(new(MetricTable.VerdictZPoisson, zp));
        if (SpacingDistribution.Value is { } s)
        {
            m.Add(new(MetricTable.SpacingKlGoe, s.Against("goe").KullbackLeibler));
            m.Add(new(MetricTable.SpacingKlPoisson, s.Against("poisson").KullbackLeibler));
            m.Add(new(MetricTable.SpacingJsGoe, s.Against("goe").JensenShannon));
            m.Add(new(MetricTable.SpacingKsGoe, s.Against("goe").KsStatistic));
            m.Add(new(MetricTable.UnfoldingResidualRms, s.Unfolding.ResidualRms));
        }
        if (PowerLaw.Value is { } p)
        {
            m.Add(new(MetricTable.PowerLawAlpha, p.Alpha, (p.ConfidenceHigh - p.ConfidenceLow) / 2));
            m.Add(new(MetricTable.PowerLawR2, p.RSquared));
            m.Add(new(MetricTable.PowerLawSensitivity, p.SensitivitySpread));
            if (p.Tail is { } t) m.Add(new(MetricTable.PowerLawTailAlpha, t.ImpliedAlpha, t.ImpliedAlphaStandardError));
        }
        if (Entropy.Value is { } e)
        {
            m.Add(new(MetricTable.Entropy, e.All.Entropy));
            m.Add(new(MetricTable.EntropyNormalized, e.All.Normalized));
            m.Add(new(MetricTable.EffectiveRank, e.All.EffectiveRank));
            if (e.Bulk is { } b) m.Add(new(MetricTable.EntropyBulkNormalized, b.Normalized));
        }
        if (MarchenkoPastur.Value is { } mp)
        {
            m.Add(new(MetricTable.MpAboveEdge, mp.AboveUpperEdge));
            m.Add(new(MetricTable.MpKs, mp.KsDistance));
            m.Add(new(MetricTable.MpTracyWidomP, mp.TracyWidom.PValue));
        }
        if (FormFactor.Value is { } f)
        {
            m.Add(new(MetricTable.RampDeviation, f.RampDeviation));
            if (f.ThoulessTime is { } th) m.Add(new(MetricTable.ThoulessTime, th, f.ThoulessTimeSpread));
        }
        return m;
    }

    private static double SpacingRatioGap => global::Spectra.References.SpacingRatioReferences.GoeMean - global::Spectra.References.SpacingRatioReferences.PoissonMean;
}
