using static Spectra.Reports.Charts.SvgChartWriter;

namespace Spectra.Reports.Charts;

/// <summary>Frame, grid, ticks, tick labels and axis labels.</summary>
internal static class AxisWriter
{
    public static void Write(StringBuilder sb, Chart chart, PlotFrame f)
    {
        sb.Append("<g class=\"grid\" stroke=\"#e4e4e4\" stroke-width=\"1\">\n");
        foreach (var t in f.X.Minor) sb.Append($"<line x1=\"{F(f.PageX(t))}\" y1=\"{F(f.Top)}\" x2=\"{F(f.PageX(t))}\" y2=\"{F(f.Bottom)}\" stroke=\"#f2f2f2\"/>\n");
        foreach (var t in f.Y.Minor) sb.Append($"<line x1=\"{F(f.Left)}\" y1=\"{F(f.PageY(t))}\" x2=\"{F(f.Right)}\" y2=\"{F(f.PageY(t))}\" stroke=\"#f2f2f2\"/>\n");
        foreach (var t in f.X.Major) sb.Append($"<line x1=\"{F(f.PageX(t))}\" y1=\"{F(f.Top)}\" x2=\"{F(f.PageX(t))}\" y2=\"{F(f.Bottom)}\"/>\n");
        foreach (var t in f.Y.Major) sb.Append($"<line x1=\"{F(f.Left)}\" y1=\"{F(f.PageY(t))}\" x2=\"{F(f.Right)}\" y2=\"{F(f.PageY(t))}\"/>\n");
        sb.Append("</g>\n");

        sb.Append($"<rect class=\"frame\" x=\"{F(f.Left)}\" y=\"{F(f.Top)}\" width=\"{F(f.Width)}\" height=\"{F(f.Height)}\" fill=\"none\" stroke=\"#333\"/>\n");

        sb.Append("<g class=\"x-axis\" text-anchor=\"middle\">\n");
        foreach (var t in f.X.Major)
        {
            var x = F(f.PageX(t));
            sb.Append($"<line class=\"tick\" x1=\"{x}\" y1=\"{F(f.Bottom)}\" x2=\"{x}\" y2=\"{F(f.Bottom + 5)}\" stroke=\"#333\"/>");
            sb.Append($"<text class=\"tick-label\" x=\"{x}\" y=\"{F(f.Bottom + 18)}\">{Esc(f.X.Label(t))}</text>\n");
        }
        sb.Append($"<text class=\"axis-label\" x=\"{F(f.Left + f.Width / 2)}\" y=\"{F(f.Bottom + 40)}\" font-size=\"13\">{Esc(chart.X.Label)}</text>\n");
        sb.Append("</g>\n");

        sb.Append("<g class=\"y-axis\" text-anchor=\"end\">\n");
        foreach (var t in f.Y.Major)
        {
            var y = F(f.PageY(t));
            sb.Append($"<line class=\"tick\" x1=\"{F(f.Left - 5)}\" y1=\"{y}\" x2=\"{F(f.Left)}\" y2=\"{y}\" stroke=\"#333\"/>");
            sb.Append($"<text class=\"tick-label\" x=\"{F(f.Left - 8)}\" y=\"{F(f.PageY(t) + 4)}\">{Esc(f.Y.Label(t))}</text>\n");
        }
        var cy = F(f.Top + f.Height / 2);
        sb.Append($"<text class=\"axis-label\" x=\"16\" y=\"{cy}\" transform=\"rotate(-90 16 {cy})\" text-anchor=\"middle\" font-size=\"13\">{Esc(chart.Y.Label)}</text>\n");
        sb.Append("</g>\n");
    }
}
