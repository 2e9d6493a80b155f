using Spectra.Reports.Charts;
using Spectra.Studies.Comparison;

namespace Spectra.Studies.Rendering;

/// <summary>
/// The two inputs side by side: per headline statistic, B − A in units of its spread, so statistics of
/// different scales share one axis and a difference beyond a few spreads stands out.
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
        return new[] { new Chart("compare-sigmas", "B − A per statistic, in spreads (σ)", x, new ChartAxis("(B − A) / spread"), series, Width: 720) };
    }
}
