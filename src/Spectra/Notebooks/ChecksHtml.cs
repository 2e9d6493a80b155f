using static Spectra.Notebooks.NotebookHtml;

namespace Spectra.Notebooks;

/// <summary>Baselines (metrics with bootstrap spreads) and checks (rule outcomes, distance from the baseline, today's report).</summary>
internal static class ChecksHtml
{
    public static string Baseline(DatasetBaseline b)
    {
        var x = b.Baseline;
        var sb = new StringBuilder();
        sb.Append($"<p class=\"verdict\">Baseline of <b>{E(x.InputPath)}</b>: {x.Metrics.Count} metrics, {x.Replicates} bootstrap replicates (seed {x.Seed}), {x.Samples} samples × {x.Features} features, {E(x.MatrixRequested)} matrix</p>\n");
        sb.Append("<table id=\"baseline\"><tr><th>metric</th><th>value</th><th>bootstrap spread</th><th>GOE</th><th>Poisson</th></tr>\n");
        foreach (var m in x.Metrics)
            sb.Append($"<tr><td>{E(m.Key)}</td><td class=\"n\">{G(m.Value)}</td><td class=\"n\">{(m.Spread is { } s ? G(s) : "–")}</td><td class=\"n\">{(m.Goe is { } g ? G(g) : "–")}</td><td class=\"n\">{(m.Poisson is { } p ? G(p) : "–")}</td></tr>\n");
        sb.Append("</table>\n");
        sb.Append(Charts(new[] { ReportCharts.Rank(b.Report) }));
        return sb.ToString();
    }

    public static string Check(DatasetCheck c)
    {
        var r = c.Result;
        var status = c.Status.ToString().ToLowerInvariant();
        var sb = new StringBuilder();
        sb.Append($"<p class=\"verdict status-{status}\">Check of <b>{E(c.Name)}</b>: <b>{E(status.ToUpperInvariant())}</b> " +
                  $"({r.Count(CheckStatus.Pass)} pass, {r.Count(CheckStatus.Warn)} warn, {r.Count(CheckStatus.Fail)} fail, {r.Count(CheckStatus.Error)} not computed; exit code {c.ExitCode()})</p>\n");
        if (r.SizeMatch is { } match) sb.Append($"<p class=\"size-match\">Sizes: {E(match.Description)}</p>\n");
        sb.Append("<table id=\"rules\"><tr><th>#</th><th>rule</th><th>status</th><th>today</th><th>baseline ± spread</th><th>σ</th><th>why</th></tr>\n");
        for (var i = 0; i < r.Outcomes.Count; i++)
        {
            var o = r.Outcomes[i];
            var baseline = o.BaselineValue is { } bv ? G(bv) + (o.BaselineSpread is { } sp ? " ± " + G(sp) : "") : "–";
            sb.Append($"<tr><td class=\"n\">{i}</td><td>{E(o.Rule.DisplayName)}</td><td>{E(o.Status.ToString().ToLowerInvariant())}</td><td class=\"n\">{(o.Value is { } v ? G(v) : "–")}</td>" +
                      $"<td class=\"n\">{baseline}</td><td class=\"n\">{F(o.Sigma, 1)}</td><td>{E(o.Message)}</td></tr>\n");
        }
        sb.Append("</table>\n");
        if (CheckHtmlSection.DriftChart(r) is { } chart) sb.Append(Charts(new[] { chart }));
        sb.Append("<h3>Today's report</h3>\n").Append(ReportHtml.Document(c.Analysis.Document));
        return sb.ToString();
    }
}
