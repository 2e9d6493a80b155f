using static System.FormattableString;

namespace Spectra.Notebooks;

/// <summary>
/// Charts of single analyzer results. P(r̃), P(s) and K(τ) are the report's own charts
/// (<see cref="ReportCharts"/>) fed from the result; the power-law and Marchenko–Pastur charts
/// exist only here.
/// </summary>
internal static class AnalyzerCharts
{
    private const string Data = "#1f4e79", Fit = "#ff7f0e", Theory = "#d62728", Edge = "#7f7f7f";

    public static Chart Ratio(SpacingRatioResult r) => ReportCharts.Ratio(new SpacingRatioSection(r.Mean, r.StandardError, r.Position,
        SpacingRatioReferences.GoeMean, SpacingRatioReferences.PoissonMean, r.Histogram));

    public static Chart Spacing(SpacingDistributionResult s)
    {
        var goe = s.Against("goe");
        var poisson = s.Against("poisson");
        return ReportCharts.Spacing(new SpacingDistributionSection(goe.KullbackLeibler, poisson.KullbackLeibler, goe.JensenShannon, poisson.JensenShannon,
            goe.KsStatistic, poisson.KsStatistic, s.Histogram));
    }

    public static Chart FormFactor(FormFactorResult f) => ReportCharts.FormFactor(ReportBuilder.FormFactorSectionOf(f));

    /// <summary>The fitted rank law over its range, and the ranges of the sensitivity refits.</summary>
    public static Chart PowerLaw(PowerLawResult p)
    {
        var fit = new List<ChartPoint>();
        for (var k = 0; k <= 60; k++)
        {
            var i = p.StartRank * Math.Pow((double)p.EndRank / p.StartRank, k / 60.0);
            fit.Add(new ChartPoint(i, Math.Exp(p.Intercept + p.Slope * Math.Log(i))));
        }
        var series = new List<ChartSeries> { new LineSeries(Invariant($"fit α = {p.Alpha:F3}, R² = {p.RSquared:F3}"), Fit, fit, Width: 2.5) };
        foreach (var s in p.Sensitivity)
        {
            var refit = new List<ChartPoint>();
            var slope = -(1 + s.Alpha);
            var anchor = Math.Exp(p.Intercept + p.Slope * Math.Log(s.StartRank));
            for (var k = 0; k <= 30; k++)
            {
                var i = s.StartRank * Math.Pow((double)s.EndRank / s.StartRank, k / 30.0);
                refit.Add(new ChartPoint(i, anchor * Math.Pow(i / s.StartRank, slope)));
            }
            series.Add(new LineSeries(Invariant($"range {s.Range} (ranks {s.StartRank}–{s.EndRank}): α = {s.Alpha:F3}"), Edge, refit, Dashed: true, Width: 1.5));
        }
        return new Chart("chart-power-law", "Power-law fit of the rank–eigenvalue curve",
            new ChartAxis("rank i (largest first)", AxisScale.Log), new ChartAxis("fitted λ_i", AxisScale.Log), series, Legend: LegendPosition.BottomLeft);
    }

    /// <summary>The eigenvalue density against the fitted Marchenko–Pastur law, with its edges.</summary>
    public static Chart MarchenkoPastur(MarchenkoPasturResult m)
    {
        var c = m.BinCenters;
        var series = new List<ChartSeries>();
        if (c.Length >= 2)
        {
            var w = c[1] - c[0];
            var edges = new double[c.Length + 1];
            for (var i = 0; i < c.Length; i++) edges[i] = c[i] - w / 2;
            edges[^1] = c[^1] + w / 2;
            series.Add(new BarSeries("eigenvalue density", Data, edges, m.EmpiricalDensity));
            series.Add(new LineSeries("Marchenko–Pastur law", Theory, c.Zip(m.TheoreticalDensity, (x, y) => new ChartPoint(x, y)).ToList()));
        }
        series.Add(new VerticalMarker(Invariant($"λ₋ = {m.LowerEdge:G3}"), Edge, m.LowerEdge));
        series.Add(new VerticalMarker(Invariant($"λ₊ = {m.UpperEdge:G3}"), Edge, m.UpperEdge));
        return new Chart("chart-marchenko-pastur", "Eigenvalue density against Marchenko–Pastur",
            new ChartAxis("eigenvalue λ", AxisScale.Linear), new ChartAxis("density", AxisScale.Linear, 0), series);
    }

    /// <summary>Rank–eigenvalue curves (largest first), one series per named spectrum.</summary>
    public static Chart Rank(IEnumerable<(string Name, double[] Descending)> spectra, string title)
    {
        string[] palette = { "#1f4e79", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };
        var series = new List<ChartSeries>();
        var k = 0;
        var list = spectra.ToList();
        foreach (var (name, d) in list)
        {
            var pts = d.Select((v, i) => new ChartPoint(i + 1, v)).ToList();
            var color = palette[k++ % palette.Length];
            series.Add(new LineSeries(name, color, pts, Width: list.Count == 1 ? 1 : 1.5));
            if (list.Count == 1) series.Add(new PointSeries("", color, pts, Radius: 1.6));
        }
        return new Chart("chart-rank", title, new ChartAxis("rank i (largest first)", AxisScale.Log),
            new ChartAxis("eigenvalue λ_i", AxisScale.Log), series, Legend: LegendPosition.BottomLeft);
    }
}
