namespace Spectra.Studies.PerClass;

/// <summary>
/// The analysis per class and pooled, side by side (one pass over the data: the pipeline keeps one
/// accumulator per label). Classes whose covariances live on different directions superpose
/// independent spectra when pooled, and superposed spectra do not repel: the pooled statistics drift
/// toward Poisson while each class alone is GOE-like. That signature is flagged.
/// </summary>
internal static class PerClassStudy
{
    public const string PooledLabel = "(pooled)";

    public static PerClassResult Run(IDataSource source, PerClassOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= PerClassOptions.Default;
        var computation = SpectrumPipeline.Run(source, options.Spectrum with { PerLabel = true, Realisations = 0 }, null, cancellationToken);
        if (computation.PerLabel.Count == 0)
            throw new SpectraException(SpectraErrorKind.NotEnoughData, "the data has no class labels (or no class with 2 samples)", source.Header.Path,
                hint: "give images in one subfolder per class, or name the label column of a table");
        var pooled = Classify(PooledLabel, computation.Spectrum, options);
        var classes = computation.PerLabel.Select(kv => Classify(kv.Key, kv.Value, options)).ToList();
        var labelled = classes.Sum(c => c.Samples);

        var withRatio = classes.Where(c => c.Statistics.MeanRatio is not null).ToList();
        double? drop = null, dropSe = null;
        if (withRatio.Count > 0 && pooled.Statistics.MeanRatio is { } pooledRatio)
        {
            var weight = (double)withRatio.Sum(c => c.Samples);
            drop = withRatio.Sum(c => c.Samples * c.Statistics.MeanRatio!.Value) / weight - pooledRatio;
            var classVar = withRatio.Sum(c => Math.Pow(c.Samples / weight * c.Statistics.MeanRatioStandardError!.Value, 2));
            dropSe = Math.Sqrt(classVar + Math.Pow(pooled.Statistics.MeanRatioStandardError!.Value, 2));
        }
        // A small class is often "intermediate" only because it is consistent with both references;
        // mixing asks whether each class alone is consistent with GOE, so it reads z_GOE, not the class.
        var consistent = options.Analysis.Verdict.ConsistentZ;
        var mixing = pooled.Verdict.Class is Verdict.PoissonLike or Verdict.Intermediate && withRatio.Count >= 2
            && withRatio.All(x => x.Verdict.ZGoe >= -consistent) && drop >= options.Sigmas * dropSe;
        string? warning = null;
        if (mixing)
            warning = string.Format(CultureInfo.InvariantCulture,
                "mixing: the pooled spectrum is shifted toward Poisson (⟨r̃⟩ = {0:F3}, {2:F3} below the classes) while each of the {1} classes is consistent with GOE; pooled classes superpose independent spectra, so read the per-class statistics",
                pooled.Statistics.MeanRatio, withRatio.Count, drop);
        var rule = string.Format(CultureInfo.InvariantCulture,
            "each row has the verdict of 'spectra analyze' on that class's data alone (docs/analysis.md: z of ⟨r̃⟩ against the GOE and Poisson references at the class's n, consistent when |z| ≤ {0}). Mixing: the pooled spectrum is not GOE-like, every class has z_GOE ≥ −{0}, and the pooled ⟨r̃⟩ lies at least {1} σ below the classes' weighted mean",
            consistent, options.Sigmas);
        return new PerClassResult(pooled, classes, drop, dropSe, mixing, warning, computation.Spectrum.Provenance.Samples - labelled, rule);
    }

    private static ClassSpectrum Classify(string label, EigenSpectrum spectrum, PerClassOptions o) =>
        new(label, spectrum.Provenance.Samples, Headline.Of(spectrum, o.Headline), SpectralAnalysis.VerdictOf(spectrum, o.Analysis));
}
