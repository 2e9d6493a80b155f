using System.Diagnostics;

namespace Spectra.Analysis;

/// <summary>The one entry point: every analyzer on one spectrum, with one options object, into one report.</summary>
internal static class SpectralAnalysis
{
    /// <summary>Report keys of the analyzers the verdict does not read.</summary>
    private static readonly string[] NotForVerdict = { "power_law", "form_factor", "entropy", "marchenko_pastur" };

    /// <summary>
    /// The verdict <see cref="Run"/> would give with the same options, without the analyzers it does not
    /// read: the one verdict every command shows (analyze, classes, compare, the notebook API).
    /// </summary>
    public static Verdict VerdictOf(EigenSpectrum spectrum, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        options ??= AnalysisOptions.Default;
        return Run(spectrum, options with { Skip = options.Skip.Union(NotForVerdict, StringComparer.OrdinalIgnoreCase).ToArray() }).Verdict;
    }

    /// <summary>Runs every analyzer (except those in <see cref="AnalysisOptions.Skip"/>).</summary>
    /// <param name="spectrum">The spectrum to read.</param>
    /// <param name="options">Options (defaults when null).</param>
    /// <param name="formFactorRealisations">
    /// Spectra the form factor is averaged over (e.g. the spectra of random row subsamples of the data,
    /// or several synthetic draws), each trimmed and unfolded like <paramref name="spectrum"/>. When null
    /// or empty the form factor uses <paramref name="spectrum"/> alone and is not averaged (its
    /// <see cref="FormFactorResult.Realisations"/> is then 1).
    /// </param>
    public static SpectralReport Run(EigenSpectrum spectrum, AnalysisOptions? options = null,
        IReadOnlyList<EigenSpectrum>? formFactorRealisations = null, IProgress<SpectraProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        options ??= AnalysisOptions.Default;
        var input = AnalysisInput.Of(spectrum, options.KTop, options.KBottom, options.Seed);
        var timings = new Dictionary<string, double>();
        const int stages = 8;
        var stage = 0;

        AnalyzerOutcome<T> Timed<T>(string key, Func<AnalyzerOutcome<T>> run) where T : class
        {
            progress?.Report(new SpectraProgress("analyze", stage++, stages, key));
            if (!options.Runs(key)) return AnalyzerOutcome<T>.Skipped(key);
            var sw = Stopwatch.StartNew();
            var result = run();
            timings[key] = sw.Elapsed.TotalMilliseconds;
            return result;
        }

        var spacingOptions = options.EffectiveSpacingDistribution;
        var powerLaw = Timed("power_law", () => Analyzers.PowerLaw.Analyze(input, options.PowerLaw));
        var spacing = Timed("spacing_distribution", () => Analyzers.SpacingDistribution.Analyze(input, spacingOptions));
        var ratio = Timed("spacing_ratio", () => Analyzers.SpacingRatio.Analyze(input, options.SpacingRatio));
        var formFactor = Timed("form_factor", () =>
        {
            var realisations = formFactorRealisations is { Count: > 0 }
                ? formFactorRealisations.Select(s => s.Bulk(options.KTop, options.KBottom).Levels).ToList()
                : new List<double[]> { input.Bulk.Levels };
            return Analyzers.FormFactor.Analyze(realisations, options.EffectiveFormFactor);
        });
        var entropy = Timed("entropy", () => Analyzers.Entropy.Analyze(input, options.Entropy));
        var mp = Timed("marchenko_pastur", () => Analyzers.MarchenkoPastur.Analyze(input, options.MarchenkoPastur));

        progress?.Report(new SpectraProgress("analyze", stage++, stages, "references"));
        FiniteSizeReferenceSet? finite = null;
        if (options.FiniteSize.Enabled)
        {
            var sw = Stopwatch.StartNew();
            finite = FiniteSizeReferences.Simulate(spectrum.NonZero.Count, input.Bulk.KTop, input.Bulk.KBottom, input.Bulk.Levels,
                spacingOptions, options.FiniteSize, options.Seed);
            timings["finite_size_references"] = sw.Elapsed.TotalMilliseconds;
        }
        var (comparisons, verdict) = VerdictRule.Decide(ratio.Value, spacing.Value, finite, options.Verdict);
        if (spectrum.NonZero.Count == 0)
            verdict = verdict with { Reasons = new[] { "no eigenvalue above zero: the data has no variance, so it has no spectrum to read: no verdict" } };
        progress?.Report(new SpectraProgress("analyze", stages, stages, "done"));

        return new SpectralReport(SpectralReport.CurrentSchemaVersion, spectrum.Provenance, SpectrumSummary.Of(spectrum),
            BulkSummary.Of(input.Bulk), options, powerLaw, spacing, ratio, formFactor, entropy, mp,
            new ReferenceSummary(ClosedFormReferences.Instance, finite, comparisons), verdict, timings);
    }
}
