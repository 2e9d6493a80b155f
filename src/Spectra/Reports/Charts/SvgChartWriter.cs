using System.Security;

namespace Spectra.Reports.Charts;

/// <summary>
/// Renders a <see cref="Chart"/> as a standalone SVG element: axes with nice ticks, grid, series,
/// legend, axis labels and title. Output depends only on the chart (invariant culture, fixed
/// rounding, no clock), and never contains NaN: points that cannot be drawn are left out.
/// </summary>
internal static class SvgChartWriter
{
    private const double MarginLeft = 70, MarginRight = 20, MarginTop = 40, MarginBottom = 56;

    public static string Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var frame = PlotFrame.Create(chart, MarginLeft, MarginTop, chart.Width - MarginLeft - MarginRight, chart.Height - MarginTop - MarginBottom);
        var sb = new StringBuilder();
        var id = Sanitize(chart.Id);
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spectra-chart\" id=\"{id}\" width=\"{chart.Width}\" height=\"{chart.Height}\" viewBox=\"0 0 {chart.Width} {chart.Height}\" role=\"img\" aria-label=\"{Esc(chart.Title)}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append($"<title>{Esc(chart.Title)}</title>\n");
        sb.Append($"<rect x=\"0\" y=\"0\" width=\"{chart.Width}\" height=\"{chart.Height}\" fill=\"white\"/>\n");
        sb.Append($"<defs><clipPath id=\"{id}-clip\"><rect x=\"{F(frame.Left)}\" y=\"{F(frame.Top)}\" width=\"{F(frame.Width)}\" height=\"{F(frame.Height)}\"/></clipPath></defs>\n");
        sb.Append($"<text class=\"title\" x=\"{F(chart.Width / 2.0)}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{Esc(chart.Title)}</text>\n");
        AxisWriter.Write(sb, chart, frame);
        sb.Append($"<g class=\"series\" clip-path=\"url(#{id}-clip)\">\n");
        foreach (var series in chart.Series) SeriesWriter.Write(sb, series, frame);
        sb.Append("</g>\n");
        LegendWriter.Write(sb, chart, frame);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>A coordinate with two decimals, invariant culture.</summary>
    internal static string F(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Esc(string s) => SecurityElement.Escape(s) ?? "";

    private static string Sanitize(string id)
    {
        var sb = new StringBuilder();
        foreach (var c in id) sb.Append(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' ? c : '-');
        return sb.Length == 0 ? "chart" : sb.ToString();
    }
}
