namespace Spectra.Studies.Rendering;

/// <summary>Vertical ±1 s.e. bars drawn as two-point lines, so every study's error bars look alike.</summary>
internal static class ErrorBars
{
    public static IEnumerable<ChartSeries> Of(string color, IEnumerable<(double X, double? Mean, double? Se)> points)
    {
        foreach (var (x, mean, se) in points)
            if (mean is { } m && se is { } s && double.IsFinite(s))
                yield return new LineSeries("", color, new[] { new ChartPoint(x, m - s), new ChartPoint(x, m + s) }, Width: 1.5);
    }
}
