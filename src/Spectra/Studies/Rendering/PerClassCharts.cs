using Spectra.Studies.PerClass;

namespace Spectra.Studies.Rendering;

/// <summary>
/// The per-class study as pictures: ⟨r̃⟩ of the pooled data and of each class with ±1 standard error
/// against the GOE and Poisson lines (a pooled value below its classes is the mixing signature), and
/// α per class. The x position is the row of the table: 0 the pooled data, then the classes in order.
/// </summary>
internal static class PerClassCharts
{
    public static IReadOnlyList<Chart> All(PerClassResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Classes.Prepend(result.Pooled).ToList();
        var x = new ChartAxis("table row (0 = pooled, then each class)", AxisScale.Linear, -0.5, rows.Count - 0.5);
        return new[] { Ratio(rows, x), Alpha(rows, x) };
    }

    private static Chart Ratio(IReadOnlyList<ClassSpectrum> rows, ChartAxis x)
    {
        var series = new List<ChartSeries>
        {
            new HorizontalMarker($"GOE {SpacingRatioReferences.GoeMean:F4}", "#059669", SpacingRatioReferences.GoeMean),
            new HorizontalMarker($"Poisson {SpacingRatioReferences.PoissonMean:F4}", "#dc2626", SpacingRatioReferences.PoissonMean),
        };
        series.AddRange(ErrorBars.Of("#111827", rows.Take(1).Select(r => (0.0, r.Statistics.MeanRatio, r.Statistics.MeanRatioStandardError))));
        series.AddRange(ErrorBars.Of("#1d4ed8", rows.Skip(1).Select((r, k) => (k + 1.0, r.Statistics.MeanRatio, r.Statistics.MeanRatioStandardError))));
        series.Add(Points("pooled", "#111827", rows.Take(1), 0, s => s.MeanRatio));
        series.Add(Points("classes", "#1d4ed8", rows.Skip(1), 1, s => s.MeanRatio));
        return new Chart("classes-ratio", "⟨r̃⟩ ± 1 s.e. per class against GOE and Poisson", x, new ChartAxis("⟨r̃⟩"), series,
            Legend: LegendPosition.BottomRight);
    }

    private static Chart Alpha(IReadOnlyList<ClassSpectrum> rows, ChartAxis x) =>
        new("classes-alpha", "Power-law α per class", x, new ChartAxis("α"), new ChartSeries[]
        {
            Points("pooled", "#111827", rows.Take(1), 0, s => s.Alpha),
            Points("classes", "#1d4ed8", rows.Skip(1), 1, s => s.Alpha),
        });

    private static PointSeries Points(string name, string color, IEnumerable<ClassSpectrum> rows, int first, Func<HeadlineStatistics, double?> value) =>
        new(name, color, rows.Select((c, k) => (c, k)).Where(t => value(t.c.Statistics) is not null)
            .Select(t => new ChartPoint(first + t.k, value(t.c.Statistics)!.Value)).ToList(), Radius: 4);
}
