namespace Spectra.Reports.Charts;

/// <summary>How an axis maps data to the page.</summary>
internal enum AxisScale
{
    Linear,
    Log,
}

/// <summary>One axis: its label (with units), scale and optional fixed range; null bounds follow the data.</summary>
internal sealed record ChartAxis(string Label, AxisScale Scale = AxisScale.Linear, double? Min = null, double? Max = null);

/// <summary>A data series drawn on a chart. Non-finite points (and non-positive ones on a log axis) are left out.</summary>
internal abstract record ChartSeries(string Name, string Color);

/// <summary>A polyline through the points, broken where a point cannot be drawn.</summary>
internal sealed record LineSeries(string Name, string Color, IReadOnlyList<ChartPoint> Points, bool Dashed = false, double Width = 2)
    : ChartSeries(Name, Color);

/// <summary>Markers at the points.</summary>
internal sealed record PointSeries(string Name, string Color, IReadOnlyList<ChartPoint> Points, double Radius = 2)
    : ChartSeries(Name, Color);

/// <summary>A histogram: bar i spans [Edges[i], Edges[i+1]] with height Heights[i].</summary>
internal sealed record BarSeries(string Name, string Color, IReadOnlyList<double> Edges, IReadOnlyList<double> Heights)
    : ChartSeries(Name, Color);

/// <summary>A vertical line across the plot at X (an edge, a threshold).</summary>
/// <summary>
/// A picture of values on a grid of cells, row 0 at the top (an eigenvector drawn as the image it lives on): red for
/// positive, blue for negative, the stronger the larger |v| against the largest; with <see cref="Intensity"/>, an
/// image's own pixels as ink, darker the brighter the pixel against the image's range. Unnamed, so it has no legend entry.
/// </summary>
internal sealed record PixelGrid(int Columns, int Rows, IReadOnlyList<double> Values, bool Intensity = false) : ChartSeries("", "#000");

internal sealed record VerticalMarker(string Name, string Color, double X, bool Dashed = true) : ChartSeries(Name, Color);

/// <summary>A horizontal line across the plot at Y (a reference level).</summary>
internal sealed record HorizontalMarker(string Name, string Color, double Y, bool Dashed = true) : ChartSeries(Name, Color);

internal readonly record struct ChartPoint(double X, double Y);

/// <summary>Which corner of the plot the legend sits in (pick the one the data leave empty).</summary>
public enum LegendPosition
{
    TopRight,
    TopLeft,
    BottomLeft,
    BottomRight,
}

/// <summary>A whole chart. <see cref="Id"/> prefixes the SVG's internal ids so several charts can share one page.</summary>
internal sealed record Chart(string Id, string Title, ChartAxis X, ChartAxis Y, IReadOnlyList<ChartSeries> Series,
    int Width = 640, int Height = 420, LegendPosition Legend = LegendPosition.TopRight);
