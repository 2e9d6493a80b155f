using static Spectra.Reports.Charts.SvgChartWriter;

namespace Spectra.Reports.Charts;

/// <summary>Draws one series as SVG paths (lines, bars, markers) or circles (points).</summary>
internal static class SeriesWriter
{
    public static void Write(StringBuilder sb, ChartSeries series, PlotFrame f)
    {
        var name = Esc(series.Name);
        var color = Esc(series.Color);
        switch (series)
        {
            case LineSeries l:
            {
                var d = LinePath(l.Points, f);
                if (d.Length == 0) return;
                var dash = l.Dashed ? " stroke-dasharray=\"6 4\"" : "";
                sb.Append($"<path class=\"line\" data-series=\"{name}\" d=\"{d}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{F(l.Width)}\" stroke-linejoin=\"round\"{dash}/>\n");
                break;
            }
            case PointSeries p:
            {
                sb.Append($"<g class=\"points\" data-series=\"{name}\" fill=\"{color}\">");
                foreach (var q in p.Points)
                    if (f.CanPlace(q.X, q.Y))
                        sb.Append($"<circle cx=\"{F(f.PageX(q.X))}\" cy=\"{F(f.PageY(q.Y))}\" r=\"{F(p.Radius)}\"/>");
                sb.Append("</g>\n");
                break;
            }
            case PixelGrid g:
                WriteGrid(sb, g, f);
                break;
            case BarSeries b:
            {
                var d = BarPath(b, f);
                if (d.Length == 0) return;
                sb.Append($"<path class=\"bars\" data-series=\"{name}\" d=\"{d}\" fill=\"{color}\" fill-opacity=\"0.45\" stroke=\"{color}\" stroke-width=\"1\"/>\n");
                break;
            }
            case VerticalMarker v:
            {
                if (!f.X.CanPlace(v.X)) return;
                var x = F(f.PageX(v.X));
                var dash = v.Dashed ? " stroke-dasharray=\"4 3\"" : "";
                sb.Append($"<path class=\"marker\" data-series=\"{name}\" d=\"M{x} {F(f.Top)}V{F(f.Bottom)}\" stroke=\"{color}\" stroke-width=\"1.5\"{dash}/>\n");
                break;
            }
            case HorizontalMarker h:
            {
                if (!f.Y.CanPlace(h.Y)) return;
                var y = F(f.PageY(h.Y));
                var dash = h.Dashed ? " stroke-dasharray=\"4 3\"" : "";
                sb.Append($"<path class=\"marker\" data-series=\"{name}\" d=\"M{F(f.Left)} {y}H{F(f.Right)}\" stroke=\"{color}\" stroke-width=\"1.5\"{dash}/>\n");
                break;
            }
        }
    }

    /// <summary>M/L commands through placeable points; a point that cannot be placed starts a new sub-path.</summary>
    internal static string LinePath(IReadOnlyList<ChartPoint> points, PlotFrame f)
    {
        var sb = new StringBuilder();
        var pen = false;
        foreach (var p in points)
        {
            if (!f.CanPlace(p.X, p.Y)) { pen = false; continue; }
            var x = Clamp(f.PageX(p.X), f.Left - f.Width, f.Right + f.Width);
            var y = Clamp(f.PageY(p.Y), f.Top - f.Height, f.Bottom + f.Height);
            sb.Append(pen ? 'L' : 'M').Append(F(x)).Append(' ').Append(F(y));
            pen = true;
        }
        return sb.ToString();
    }

    private static void WriteGrid(StringBuilder sb, PixelGrid g, PlotFrame f)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity, largest = 0;
        foreach (var v in g.Values)
            if (double.IsFinite(v)) (low, high, largest) = (Math.Min(low, v), Math.Max(high, v), Math.Max(largest, Math.Abs(v)));
        sb.Append("<g class=\"pixels\" shape-rendering=\"crispEdges\">");
        for (var row = 0; row < g.Rows; row++)
            for (var col = 0; col < g.Columns; col++)
            {
                var v = g.Values[row * g.Columns + col];
                if (!double.IsFinite(v)) continue;
                // Intensities: ink for brightness above the image's darkest; signed values: red or blue by |v| against the largest.
                var (fill, opacity) = g.Intensity ? ("#111827", high > low ? (v - low) / (high - low) : 0)
                    : (v > 0 ? "#dc2626" : "#2563eb", largest > 0 ? Math.Abs(v) / largest : 0);
                if (opacity <= 0) continue;
                double x0 = f.PageX(col), x1 = f.PageX(col + 1), y0 = f.PageY(g.Rows - row), y1 = f.PageY(g.Rows - row - 1);
                sb.Append($"<rect x=\"{F(x0)}\" y=\"{F(y0)}\" width=\"{F(x1 - x0)}\" height=\"{F(y1 - y0)}\" fill=\"{fill}\" fill-opacity=\"{F(opacity)}\"/>");
            }
        sb.Append("</g>\n");
    }

    private static string BarPath(BarSeries b, PlotFrame f)
    {
        var sb = new StringBuilder();
        var n = Math.Min(b.Heights.Count, b.Edges.Count - 1);
        var baseY = f.Y.Scale == Charts.AxisScale.Log ? f.Bottom : Clamp(f.PageY(0), f.Top, f.Bottom);
        for (var i = 0; i < n; i++)
        {
            double lo = b.Edges[i], hi = b.Edges[i + 1], h = b.Heights[i];
            if (!f.X.CanPlace(lo) || !f.X.CanPlace(hi) || !f.Y.CanPlace(h) || h == 0) continue;
            var x0 = Clamp(f.PageX(lo), f.Left, f.Right);
            var x1 = Clamp(f.PageX(hi), f.Left, f.Right);
            var y = Clamp(f.PageY(h), f.Top, f.Bottom);
            if (x1 <= x0) continue;
            sb.Append('M').Append(F(x0)).Append(' ').Append(F(baseY))
              .Append('V').Append(F(y)).Append('H').Append(F(x1)).Append('V').Append(F(baseY)).Append('Z');
        }
        return sb.ToString();
    }

    private static double Clamp(double v, double lo, double hi) => Math.Min(Math.Max(v, lo), hi);
}
