namespace Spectra.Notebooks;

/// <summary>
/// HTML fragments for notebook output cells: one scoped &lt;div class="spectra-nb"&gt; per value,
/// tables and inline SVG charts (drawn by <see cref="SvgChartWriter"/>), no script, no external
/// resource. Chart ids get a prefix derived from the content, so several outputs on one page never
/// share a clip-path id and the same value always renders to the same bytes.
/// </summary>
internal static class NotebookHtml
{
    private const string Style =
        "<style>.spectra-nb{font-family:sans-serif;color:#222;max-width:1320px}" +
        ".spectra-nb h1{font-size:18px;margin:0 0 4px}.spectra-nb h2{font-size:15px;margin:16px 0 6px}" +
        ".spectra-nb h3{font-size:16px;margin:14px 0 6px}.spectra-nb h4{font-size:14px;margin:12px 0 4px}" +
        ".spectra-nb table{border-collapse:collapse;font-size:13px;margin:4px 0}" +
        ".spectra-nb td,.spectra-nb th{border:1px solid #ccc;padding:3px 8px;text-align:left}" +
        ".spectra-nb td.n{text-align:right;font-variant-numeric:tabular-nums}" +
        ".spectra-nb .charts{display:flex;flex-wrap:wrap;gap:12px}" +
        ".spectra-nb .verdict{font-size:15px;padding:6px 10px;border-left:4px solid #1f4e79;background:#f3f6fa}" +
        ".spectra-nb .status-pass{border-left-color:#2ca02c}.spectra-nb .status-warn{border-left-color:#ff7f0e}" +
        ".spectra-nb .status-fail,.spectra-nb .status-error{border-left-color:#d62728}" +
        ".spectra-nb .muted{color:#666;font-size:12px}</style>\n";

    /// <summary>Whether <see cref="Render"/> knows the value's type.</summary>
    public static bool CanRender(object value) => value switch
    {
        DatasetAnalysis or DatasetSpectrum or ClassSpectra or DatasetBaseline or DatasetCheck => true,
        ReportDocument or SpectralReport or EigenSpectrum => true,
        PowerLawResult or SpacingRatioResult or SpacingDistributionResult or FormFactorResult or EntropyResult or MarchenkoPasturResult => true,
        NotebookChart or DatasetStudy or Dataset => true,
        _ => IsOutcome(value),
    };

    /// <summary>The value as an HTML fragment; an unknown type becomes its encoded ToString().</summary>
    public static string Render(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var body = value switch
        {
            DatasetAnalysis a => ReportHtml.Analysis(a),
            ReportDocument d => ReportHtml.Document(d),
            SpectralReport r => ReportHtml.Report(r),
            DatasetSpectrum s => SpectrumHtml.Dataset(s),
            EigenSpectrum s => SpectrumHtml.Spectrum(s),
            ClassSpectra c => ClassHtml.Classes(c),
            DatasetBaseline b => ChecksHtml.Baseline(b),
            DatasetCheck c => ChecksHtml.Check(c),
            NotebookChart c => SvgChartWriter.Render(c.Chart),
            DatasetStudy s => StudyNotebookHtml.Study(s),
            Dataset d => DatasetHtml.Describe(d),
            _ when IsOutcome(value) => AnalyzerHtml.Outcome(value),
            _ => AnalyzerHtml.Result(value) ?? "<pre>" + E(value.ToString() ?? "") + "</pre>",
        };
        return Wrap(body);
    }

    /// <summary>Scoped container with unique chart ids.</summary>
    internal static string Wrap(string body)
    {
        var prefix = "s" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)), 0, 4).ToLowerInvariant() + "-";
        // Every chart's own id and the ids derived from it (its clip path) get the prefix.
        foreach (var id in ChartId.Matches(body).Select(m => m.Groups[1].Value).Distinct().ToList())
            body = body.Replace("id=\"" + id, "id=\"" + prefix + id, StringComparison.Ordinal)
                       .Replace("url(#" + id, "url(#" + prefix + id, StringComparison.Ordinal);
        return "<div class=\"spectra-nb\">\n" + Style + body + "</div>\n";
    }

    private static readonly Regex ChartId = new("<svg[^>]* class=\"spectra-chart\" id=\"([^\"]+)\"", RegexOptions.Compiled);

    internal static bool IsOutcome(object value) =>
        value.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(AnalyzerOutcome<>);

    internal static string Charts(IEnumerable<Chart> charts)
    {
        var sb = new StringBuilder("<div class=\"charts\">\n");
        foreach (var c in charts) sb.Append("<figure style=\"margin:0\">").Append(SvgChartWriter.Render(c)).Append("</figure>\n");
        return sb.Append("</div>\n").ToString();
    }

    internal static string Table(IEnumerable<(string Name, string Value)> rows, string? id = null)
    {
        var sb = new StringBuilder(id is null ? "<table>\n" : $"<table id=\"{E(id)}\">\n");
        foreach (var (name, value) in rows) sb.Append($"<tr><th>{E(name)}</th><td class=\"n\">{E(value)}</td></tr>\n");
        return sb.Append("</table>\n").ToString();
    }

    internal static string E(string s) => WebUtility.HtmlEncode(s);
    internal static string F(double v, int decimals = 4) => double.IsFinite(v) ? v.ToString("F" + decimals, CultureInfo.InvariantCulture) : "n/a";
    internal static string F(double? v, int decimals = 4) => v is { } x ? F(x, decimals) : "n/a";
    internal static string G(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "n/a";
    internal static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
