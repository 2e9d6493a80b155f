namespace Spectra.Studies.Rendering;

/// <summary>One chart per statistic of a sample-size scan: every subset's value and their mean against M/d, the reference and M_crit.</summary>
internal static class ScanCharts
{
    private static readonly (string Key, string Label)[] Panels =
    {
        ("mean_ratio", "⟨r̃⟩"),
        ("spacing_kl_goe", "KL(P(s) ‖ GOE)"),
        ("alpha", "power-law α"),
        ("normalized_entropy", "S / ln n"),
    };

    public static IReadOnlyList<Chart> All(SampleSizeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var charts = new List<Chart>();
        // One x range for every panel, so the panels line up.
        var xMin = result.Points[0].SamplesPerFeature / 1.5;
        var xMax = result.Points[^1].SamplesPerFeature * 1.5;
        foreach (var (key, label) in Panels)
        {
            var subsets = new List<ChartPoint>();
            var means = new List<ChartPoint>();
            foreach (var p in result.Points)
            {
                foreach (var s in p.Subsets)
                    if (s.Get(key) is { } v) subsets.Add(new ChartPoint(p.SamplesPerFeature, v));
                if (p.Of(key).Spread.Mean is { } m) means.Add(new ChartPoint(p.SamplesPerFeature, m));
            }
            var series = new List<ChartSeries>
            {
                new PointSeries("subsets", "#9ca3af", subsets, 2.5),
                new LineSeries("mean", "#1d4ed8", means),
                new VerticalMarker("M = d", "#6b7280", 1.0),
            };
            var critical = result.CriticalOf(key);
            if (key == "mean_ratio")
            {
                series.Add(new HorizontalMarker("GOE 0.5307", "#059669", SpacingRatioReferences.GoeMean));
                series.Add(new HorizontalMarker("Poisson 0.3863", "#dc2626", SpacingRatioReferences.PoissonMean));
            }
            else if (critical.ReferenceValue is { } reference)
            {
                series.Add(new HorizontalMarker(critical.Reference == "plateau" ? "plateau" : "full data", "#059669", reference));
            }
            if (critical.SamplesPerFeature is { } crit) series.Add(new VerticalMarker("M_crit", "#d97706", crit));
            charts.Add(new Chart($"scan-{key.Replace('_', '-')}", $"{label} against M/d", new ChartAxis("M / d", AxisScale.Log, xMin, xMax),
                new ChartAxis(label), series, Legend: key == "normalized_entropy" || key == "mean_ratio" ? LegendPosition.BottomRight : LegendPosition.TopRight));
        }
        return charts;
    }
}
