using Spectra.Notebooks;

namespace Spectra.Fluent;

/// <summary>
/// One analysis of a <see cref="Dataset"/>: the <see cref="Document"/> is exactly what
/// <c>spectra analyze</c> writes (JSON, HTML, the metrics checks compare); <see cref="Report"/> is the
/// analyzers' full results (Marchenko–Pastur density, finite-size references) that document was made from.
/// Renders in a notebook as the HTML report with its charts.
/// </summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })]
public sealed class DatasetAnalysis
{
    private readonly Lazy<ClassSpectra?> _classes;

    internal DatasetAnalysis(string name, AnalysisOutcome outcome, AnalysisRequest request)
    {
        Name = name;
        (Computation, Report, Document) = outcome;
        Request = request;
        _classes = new Lazy<ClassSpectra?>(() => Computation.PerLabel.Count == 0 ? null : ClassSpectra.Of(Computation.PerLabel, Report.Options));
    }

    public string Name { get; }
    public SpectrumComputation Computation { get; }
    public EigenSpectrum Spectrum => Computation.Spectrum;
    public ReportDocument Document { get; }
    /// <summary>The request the analysis ran with.</summary>
    public AnalysisRequest Request { get; }

    /// <summary>Every analyzer's full result: the very analysis the <see cref="Document"/> was made from.</summary>
    public SpectralReport Report { get; }

    /// <summary>The named metrics a baseline records and a check compares.</summary>
    public IReadOnlyList<Metric> Metrics => FingerprintMetrics.From(Document);

    /// <summary>
    /// The value of any metric of <see cref="MetricTable"/> ("spacing_ratio.mean", "power_law.alpha", or a
    /// key shown in the report's headline), or null when this analysis could not compute it. A key renamed
    /// in report schema 2 is read under its new name; a key that is no metric is an error naming the known ones.
    /// </summary>
    public double? Metric(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var definition = MetricTable.Find(key)
            ?? throw new ArgumentException($"'{key}' is not a metric; known metrics: {string.Join(", ", MetricTable.All.Select(d => d.Key))}", nameof(key));
        return (Metrics.FirstOrDefault(m => m.Key == definition.Key) ?? Report.Headline().FirstOrDefault(m => m.Key == definition.Key))?.Value;
    }

    public VerdictSection Verdict => Document.Verdict;

    /// <summary>Level statistics per class label (when the dataset was asked <see cref="Dataset.PerClass"/>), else null.</summary>
    public ClassSpectra? Classes => _classes.Value;

    /// <summary>The standalone HTML page <c>spectra analyze --html</c> writes.</summary>
    public string ToHtmlPage() => HtmlReportWriter.Write(Document);

    public string ToJson() => JsonReportWriter.Write(Document);

    public void WriteHtml(string path) => File.WriteAllText(path, ToHtmlPage());
    public void WriteJson(string path) => File.WriteAllText(path, ToJson());

    public override string ToString()
    {
        var m = Document.Matrix;
        var parts = new List<string> { $"{Name}: {m.Requested} {m.Features} features × {m.Samples} samples" };
        if (Document.SpacingRatio is { } r) parts.Add(Inv($"⟨r̃⟩ = {r.Mean:F4} ± {r.Se:F4}"));
        if (Document.PowerLaw is { } p) parts.Add(Inv($"α = {p.Alpha:F3}"));
        if (Document.Entropy is { } e) parts.Add(Inv($"S/ln n = {e.Normalized:F3}"));
        parts.Add("verdict " + Document.Verdict.Class);
        return string.Join("; ", parts);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
