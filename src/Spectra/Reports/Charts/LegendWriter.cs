using static Spectra.Reports.Charts.SvgChartWriter;

namespace Spectra.Reports.Charts;

/// <summary>A legend box in the plot's top-right corner with one swatch per named series.</summary>
internal static class LegendWriter
{
    public static void Write(StringBuilder sb, Chart chart, PlotFrame f)
    {
        var entries = chart.Series.Where(s => !string.IsNullOrEmpty(s.Name)).ToList();
        if (entries.Count == 0) return;
        const double row = 17, pad = 6, swatch = 22;
        // Width from the longest name at ~6.6 px per character of 12 px sans-serif.
        var width = pad * 3 + swatch + entries.Max(e => e.Name.Length) * 6.6;
        var height = pad * 2 + row * entries.Count;
        var left = chart.Legend is LegendPosition.TopLeft or LegendPosition.BottomLeft;
        var bottom = chart.Legend is LegendPosition.BottomLeft or LegendPosition.BottomRight;
        var x0 = left ? f.Left + 8 : f.Right - width - 8;
        var y0 = bottom ? f.Bottom - height - 8 : f.Top + 8;
        sb.Append("<g class=\"legend\">\n");
        sb.Append($"<rect x=\"{F(x0)}\" y=\"{F(y0)}\" width=\"{F(width)}\" height=\"{F(height)}\" fill=\"white\" fill-opacity=\"0.9\" stroke=\"#999\"/>\n");
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var cy = y0 + pad + row * i + row / 2;
            var sx = x0 + pad;
            var color = Esc(e.Color);
            switch (e)
            {
                case PointSeries:
                    sb.Append($"<circle cx=\"{F(sx + swatch / 2)}\" cy=\"{F(cy)}\" r=\"3\" fill=\"{color}\"/>");
                    break;
                case BarSeries:
                    sb.Append($"<rect x=\"{F(sx)}\" y=\"{F(cy - 5)}\" width=\"{F(swatch)}\" height=\"10\" fill=\"{color}\" fill-opacity=\"0.45\" stroke=\"{color}\"/>");
                    break;
                default:
                    var dashed = e switch { LineSeries l => l.Dashed, VerticalMarker v => v.Dashed, HorizontalMarker h => h.Dashed, _ => false };
                    sb.Append($"<path d=\"M{F(sx)} {F(cy)}H{F(sx + swatch)}\" stroke=\"{color}\" stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")}/>");
                    break;
            }
            sb.Append($"<text x=\"{F(sx + swatch + pad)}\" y=\"{F(cy + 4)}\">{Esc(e.Name)}</text>\n");
        }
        sb.Append("</g>\n");
    }
}
