namespace Spectra.Notebooks;

/// <summary>
/// A chart made in a notebook cell (e.g. a statistic against the sample size), drawn by the same SVG
/// writer as the reports. Displaying it renders the SVG.
/// </summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })]
public sealed class NotebookChart
{
    private static readonly string[] Palette = { "#1f4e79", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };

    internal NotebookChart(Chart chart) => Chart = chart ?? throw new ArgumentNullException(nameof(chart));

    internal Chart Chart { get; }

    /// <summary>
    /// Lines with markers, one per named series, plus dashed horizontal reference levels.
    /// </summary>
    public static NotebookChart Lines(string title, string xLabel, string yLabel,
        IEnumerable<(string Name, IEnumerable<(double X, double Y)> Points)> series,
        IEnumerable<(string Name, double Y)>? references = null, bool logX = false, bool logY = false,
        LegendPosition legend = LegendPosition.TopRight)
    {
        var list = new List<ChartSeries>();
        var k = 0;
        foreach (var (name, points) in series)
        {
            var pts = points.Select(p => new ChartPoint(p.X, p.Y)).ToList();
            var color = Palette[k++ % Palette.Length];
            list.Add(new LineSeries(name, color, pts, Width: 1.5));
            list.Add(new PointSeries("", color, pts, Radius: 2.5));
        }
        var r = 0;
        foreach (var (name, y) in references ?? Array.Empty<(string, double)>())
            list.Add(new HorizontalMarker(name, r++ % 2 == 0 ? "#d62728" : "#2ca02c", y));
        var id = "chart-" + new string(title.Where(char.IsAsciiLetterOrDigit).Take(24).ToArray()).ToLowerInvariant();
        return new NotebookChart(new Chart(id, title, new ChartAxis(xLabel, logX ? AxisScale.Log : AxisScale.Linear),
            new ChartAxis(yLabel, logY ? AxisScale.Log : AxisScale.Linear), list, Legend: legend));
    }

    public string ToHtml() => NotebookHtml.Render(this);

    public string ToSvg() => SvgChartWriter.Render(Chart);

    public override string ToString() => $"chart: {Chart.Title}";
}
