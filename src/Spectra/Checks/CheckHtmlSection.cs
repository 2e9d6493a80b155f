namespace Spectra.Checks;

/// <summary>
/// The part of the `spectra check --html` page that comes before the analysis: the verdict of every
/// rule, how far each metric is from the baseline in spreads, and where the baseline came from.
/// A reader of a CI artifact sees why the check passed or failed before the spectrum itself.
/// </summary>
internal static class CheckHtmlSection
{
    /// <summary>Page styles for the status colours (the notebook view has its own scoped copy).</summary>
    internal const string Style =
        ".status-pass{border-left-color:#2ca02c}.status-warn{border-left-color:#ff7f0e}" +
        ".status-fail,.status-error{border-left-color:#d62728}" +
        "td.pass{background:#e8f5e9}td.warn{background:#fff3e0}td.fail,td.error{background:#fdecea}";

    /// <summary>The lead of the check page: this section first, then the analysis under its own heading.</summary>
    public static HtmlPageLead Lead(CheckSummary check, Baseline? baseline) =>
        new("check", Style, Write(check, baseline) + "<h2>Analysis of today's data</h2>\n");

    public static string Write(CheckSummary check, Baseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(check);
        var r = check.Result;
        var status = Lower(r.Status);
        var sb = new StringBuilder("<h2>Check</h2>\n");
        sb.Append($"<p class=\"verdict status-{status}\" id=\"check-verdict\"><b>{E(status.ToUpperInvariant())}</b> against {E(check.BaselinePath)}: " +
                  $"{r.Count(CheckStatus.Pass)} pass, {r.Count(CheckStatus.Warn)} warn, {r.Count(CheckStatus.Fail)} fail, " +
                  $"{r.Count(CheckStatus.Error)} not computed; exit code {check.ExitCode}</p>\n");
        if (r.SizeMatch is { } match) sb.Append($"<p class=\"muted\" id=\"size-match\">Sizes: {E(match.Description)}</p>\n");
        sb.Append(Rules(r));
        if (DriftChart(r) is { } chart)
            sb.Append("<div class=\"charts\">\n<figure style=\"margin:0\">").Append(SvgChartWriter.Render(chart)).Append("</figure>\n</div>\n");
        if (baseline is not null) sb.Append(Baseline(baseline));
        return sb.ToString();
    }

    /// <summary>|today − baseline| / spread per rule against the default warn and fail lines; null when no rule has a distance.</summary>
    public static Chart? DriftChart(CheckResult r)
    {
        var sigmas = r.Outcomes.Select((o, i) => (o, i)).Where(x => x.o.Sigma is { } s && double.IsFinite(s))
            .Select(x => new ChartPoint(x.i, Math.Abs(x.o.Sigma!.Value))).ToList();
        if (sigmas.Count == 0) return null;
        return new Chart("chart-drift", "Distance from the baseline in spreads (rule # as in the table)",
            new ChartAxis("rule #", AxisScale.Linear, -0.5, r.Outcomes.Count - 0.5), new ChartAxis("|today − baseline| / spread", AxisScale.Linear, 0),
            new ChartSeries[]
            {
                new PointSeries("rule", "#1f4e79", sigmas, Radius: 4),
                new HorizontalMarker($"warn ({DefaultRules.WarnSigma} σ)", "#ff7f0e", DefaultRules.WarnSigma),
                new HorizontalMarker($"fail ({DefaultRules.FailSigma} σ)", "#d62728", DefaultRules.FailSigma),
            }, Height: 320);
    }

    private static string Rules(CheckResult r)
    {
        var sb = new StringBuilder("<table id=\"rules\"><tr><th>#</th><th>rule</th><th>status</th><th>today</th><th>baseline ± spread</th><th>σ</th><th>why</th></tr>\n");
        for (var i = 0; i < r.Outcomes.Count; i++)
        {
            var o = r.Outcomes[i];
            var s = Lower(o.Status);
            var baseline = o.BaselineValue is { } bv ? G(bv) + (o.BaselineSpread is { } sp ? " ± " + G(sp) : "") : "–";
            sb.Append($"<tr><td class=\"n\">{i}</td><td>{E(o.Rule.DisplayName)}</td><td class=\"{s}\">{E(s)}</td><td class=\"n\">{(o.Value is { } v ? G(v) : "–")}</td>" +
                      $"<td class=\"n\">{baseline}</td><td class=\"n\">{(o.Sigma is { } x && double.IsFinite(x) ? x.ToString("F1", CultureInfo.InvariantCulture) : "–")}</td><td>{E(o.Message)}</td></tr>\n");
        }
        return sb.Append("</table>\n").ToString();
    }

    private static string Baseline(Baseline b)
    {
        var sb = new StringBuilder("<h2>Baseline</h2>\n<table id=\"baseline-provenance\">\n");
        Pair(sb, "input", $"{b.InputPath} ({b.InputKind})");
        Pair(sb, "content hash", b.ContentHash ?? "–");
        Pair(sb, "matrix", $"{b.MatrixRequested} requested, {b.MatrixComputed} computed; {b.Samples} samples × {b.Features} features");
        Pair(sb, "spreads", $"{b.Replicates} replicates ({b.BootstrapMethod}), seed {b.Seed}" +
                            (b.ReplicateSamples is { } m ? $", {m.ToString("F0", CultureInfo.InvariantCulture)} rows per replicate" : ""));
        Pair(sb, "made by", $"spectra {b.ToolVersion} ({b.Schema})");
        Pair(sb, "options", string.Join(", ", b.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} = {o.Value}")));
        sb.Append("</table>\n");
        sb.Append("<table id=\"baseline-metrics\"><tr><th>metric</th><th>value</th><th>spread</th><th>GOE</th><th>Poisson</th></tr>\n");
        foreach (var x in b.Metrics)
            sb.Append($"<tr><td>{E(x.Key)}</td><td class=\"n\">{G(x.Value)}</td><td class=\"n\">{O(x.Spread)}</td><td class=\"n\">{O(x.Goe)}</td><td class=\"n\">{O(x.Poisson)}</td></tr>\n");
        return sb.Append("</table>\n").ToString();
    }

    private static void Pair(StringBuilder sb, string name, string value) => sb.Append($"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>\n");
    private static string Lower(CheckStatus s) => s.ToString().ToLowerInvariant();
    private static string O(double? v) => v is { } x ? G(x) : "–";
    private static string G(double v) => HtmlReportWriter.G(v);
    private static string E(string s) => WebUtility.HtmlEncode(s);
}
