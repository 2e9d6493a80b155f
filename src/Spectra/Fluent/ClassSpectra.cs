namespace Spectra.Fluent;

/// <summary>The headline level statistics of one class's spectrum.</summary>
/// <param name="RatioMean">⟨r̃⟩ of the class's bulk, null when the bulk is too small.</param>
/// <param name="Verdict">The verdict of the analysis of this class's data alone (the dataset's analysis options and seed).</param>
public sealed record ClassStatistics(string Label, long Samples, int NonZero, int BulkLevels, double? RatioMean, double? RatioStandardError,
    double? Alpha, double? EntropyNormalized, Verdict Verdict);

/// <summary>
/// One row of level statistics per class label, from the per-class spectra the pipeline computed in
/// the same pass. The power law is fitted without its bootstrap (a class has few samples; the
/// interval would mostly measure that). Renders as a table and a ⟨r̃⟩ chart with the references.
/// </summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })]
public sealed class ClassSpectra
{
    private ClassSpectra(IReadOnlyList<ClassStatistics> rows) => Rows = rows;

    public IReadOnlyList<ClassStatistics> Rows { get; }

    public ClassStatistics this[string label] => Rows.FirstOrDefault(r => r.Label == label)
        ?? throw new SpectraException(SpectraErrorKind.InvalidOption, $"no class '{label}'", hint: "classes: " + string.Join(", ", Rows.Select(r => r.Label)));

    /// <param name="options">The options of the dataset's own analysis: each class is read as that analysis would read its data.</param>
    public static ClassSpectra Of(IReadOnlyDictionary<string, EigenSpectrum> perLabel, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(perLabel);
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<ClassStatistics>();
        foreach (var (label, spectrum) in perLabel.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var input = AnalysisInput.Of(spectrum, options.KTop, options.KBottom, options.Seed);
            var ratio = Analyzers.SpacingRatio.Analyze(input, SpacingRatioOptions.Default);
            var power = Analyzers.PowerLaw.Analyze(input, PowerLawOptions.Default with { BootstrapSamples = 0, TailFit = false });
            var entropy = Analyzers.Entropy.Analyze(input, EntropyOptions.Default);
            rows.Add(new ClassStatistics(label, spectrum.Provenance.Samples, spectrum.NonZero.Count, input.Bulk.Count,
                ratio.Value?.Mean, ratio.Value?.StandardError, power.Value?.Alpha, entropy.Value?.All.Normalized,
                SpectralAnalysis.VerdictOf(spectrum, options)));
        }
        return new ClassSpectra(rows);
    }

    public override string ToString() => string.Join("; ", Rows.Select(r =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Label}: ⟨r̃⟩ = {(r.RatioMean is { } m ? m.ToString("F3", CultureInfo.InvariantCulture) : "n/a")}, {r.Verdict.Class}")));
}
