using Spectra.Studies.Comparison;

namespace Spectra.Studies.Rendering;

/// <summary>
/// The two inputs side by side: per headline statistic, B − A in units of its spread, so statistics of
/// different scales share one axis and a difference beyond a few spreads stands out; and each compared
/// distribution of A and B overlaid on the GOE and Poisson references, so a reader sees where they part.
/// </summary>
internal static class CompareCharts
{
    public static IReadOnlyList<Chart> All(CompareResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Statistics;
        if (rows.Count == 0) return Array.Empty<Chart>();
        var points = rows.Select((s, i) => (s, i)).Where(t => t.s.Sigmas is { } v && double.IsFinite(v)).ToList();
        var series = new List<ChartSeries>
        {
            new HorizontalMarker("no difference", "#6b7280", 0),
            new PointSeries("similar", "#1d4ed8", points.Where(t => !t.s.Differs).Select(t => new ChartPoint(t.i, t.s.Sigmas!.Value)).ToList(), Radius: 5),
            new PointSeries("differs", "#dc2626", points.Where(t => t.s.Differs).Select(t => new ChartPoint(t.i, t.s.Sigmas!.Value)).ToList(), Radius: 5),
        };
        var x = new ChartAxis("statistic (table row: " + string.Join(", ", rows.Select((s, i) => $"{i} {s.Statistic}")) + ")",
            AxisScale.Linear, -0.5, rows.Count - 0.5);
        var charts = new List<Chart> { new("compare-sigmas", "B − A per statistic, in spreads (σ)", x, new ChartAxis("(B − A) / spread"), series, Width: 720) };
        charts.AddRange(result.Distributions.Where(d => d.Edges.Count >= 2).Select(Overlay));
        return charts;
    }

    private static Chart Overlay(DistributionDistance d)
    {
        var spacing = d.Distribution == "spacing";
        Func<double, double> goe = spacing ? SpacingReferences.WignerDensity : r => SpacingRatioReferences.FoldedDensity(LevelStatistics.Goe, r);
        Func<double, double> poisson = spacing ? SpacingReferences.PoissonDensity : r => SpacingRatioReferences.FoldedDensity(LevelStatistics.Poisson, r);
        var (low, high) = (d.Edges[0], d.Edges[^1]);
        var grid = Enumerable.Range(0, 161).Select(k => low + (high - low) * k / 160).ToList();
        var series = new List<ChartSeries>
        {
            new LineSeries("GOE", "#059669", grid.Select(v => new ChartPoint(v, goe(v))).ToList()),
            new LineSeries("Poisson", "#6b7280", grid.Select(v => new ChartPoint(v, poisson(v))).ToList(), Dashed: true),
            new LineSeries($"A (n = {d.CountA})", "#1d4ed8", Steps(d.Edges, d.DensityA)),
            new LineSeries($"B (n = {d.CountB})", "#ea580c", Steps(d.Edges, d.DensityB)),
        };
        var (name, axis) = spacing ? ("unfolded spacings P(s)", "s") : ("spacing ratios P(r̃)", "r̃");
        var title = string.Create(CultureInfo.InvariantCulture, $"{name}: A and B (KS {d.KsStatistic:0.000}, p = {d.KsPValue:0.###}; Hellinger {d.Hellinger:0.000})");
        // Headroom above the tallest cell keeps the legend off the curves.
        var top = 1.35 * series.OfType<LineSeries>().SelectMany(l => l.Points).Select(p => p.Y).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        return new Chart($"compare-{d.Distribution}", title, new ChartAxis(axis, AxisScale.Linear, low, high), new ChartAxis("density", AxisScale.Linear, 0, top), series,
            Legend: LegendPosition.TopRight);
    }

    // A histogram drawn as its outline, so two of them stay readable on one chart.
    private static List<ChartPoint> Steps(IReadOnlyList<double> edges, IReadOnlyList<double> density)
    {
        var points = new List<ChartPoint>(2 * density.Count);
        for (var k = 0; k < density.Count; k++)
        {
            points.Add(new ChartPoint(edges[k], density[k]));
            points.Add(new ChartPoint(edges[k + 1], density[k]));
        }
        return points;
    }
}
