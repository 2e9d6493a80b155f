using static Spectra.Notebooks.NotebookHtml;

namespace Spectra.Notebooks;

/// <summary>Whole reports: the CLI's HTML report body for a <see cref="ReportDocument"/>, and every analyzer's section for a <see cref="SpectralReport"/>.</summary>
internal static class ReportHtml
{
    public static string Analysis(DatasetAnalysis a)
    {
        var html = Document(a.Document);
        if (a.Classes is { } classes) html += "<h2>Per class</h2>\n" + ClassHtml.Classes(classes);
        return html;
    }

    /// <summary>
    /// The body of <see cref="HtmlReportWriter"/>'s page (verdict, charts, fingerprint, provenance), so
    /// a notebook shows exactly what <c>spectra analyze --html</c> writes, minus the page's own
    /// &lt;head&gt; and global styles (which would restyle the notebook around it).
    /// </summary>
    public static string Document(ReportDocument d)
    {
        var page = HtmlReportWriter.Write(d);
        var start = page.IndexOf("<body>", StringComparison.Ordinal);
        var end = page.LastIndexOf("</body>", StringComparison.Ordinal);
        return start >= 0 && end > start ? page[(start + "<body>".Length)..end].TrimStart('\n') : page;
    }

    public static string Report(SpectralReport r)
    {
        var sb = new StringBuilder();
        sb.Append($"<p class=\"verdict\"><b>{E(r.Verdict.Class)}</b> ({E(r.Verdict.Basis)}): {E(string.Join(" ", r.Verdict.Reasons))}</p>\n");
        sb.Append("<h3>Headline</h3>\n<table><tr><th>metric</th><th>value</th><th>spread</th><th>meaning</th></tr>\n");
        foreach (var m in r.Headline())
            sb.Append($"<tr><td>{E(m.Key)}</td><td class=\"n\">{G(m.Value)}</td><td class=\"n\">{(m.Spread is { } s ? G(s) : "–")}</td><td>{E(MetricTable.Get(m.Key).Meaning)}</td></tr>\n");
        sb.Append("</table>\n");
        if (r.References.Comparisons.Count > 0)
        {
            sb.Append("<h3>Against the references</h3>\n<table><tr><th>statistic</th><th>observed</th><th>basis</th><th>GOE</th><th>z (GOE)</th><th>Poisson</th><th>z (Poisson)</th><th>reading</th></tr>\n");
            foreach (var c in r.References.Comparisons)
                sb.Append($"<tr><td>{E(c.Key)}</td><td class=\"n\">{F(c.Observed)}</td><td>{E(c.Basis)}</td><td class=\"n\">{F(c.GoeMean)} ± {F(c.GoeSpread)}</td><td class=\"n\">{F(c.GoeZ, 2)}</td>" +
                          $"<td class=\"n\">{F(c.PoissonMean)} ± {F(c.PoissonSpread)}</td><td class=\"n\">{F(c.PoissonZ, 2)}</td><td>{E(c.Verdict)}</td></tr>\n");
            sb.Append("</table>\n");
        }
        Section(sb, "Power law", r.PowerLaw);
        Section(sb, "Spacing ratios", r.SpacingRatio);
        Section(sb, "Spacing distribution", r.SpacingDistribution);
        Section(sb, "Spectral form factor", r.FormFactor);
        Section(sb, "Spectral entropy", r.Entropy);
        Section(sb, "Marchenko–Pastur", r.MarchenkoPastur);
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, object outcome) =>
        sb.Append($"<h3>{E(title)}</h3>\n").Append(AnalyzerHtml.Outcome(outcome));
}
