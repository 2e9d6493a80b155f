using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Spectra.Reports.Charts;

namespace Spectra.Tests.Reports.Charts;

public class SvgChartWriterTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Chart PowerLawChart(double alpha) => new("rank", "Rank–eigenvalue",
        new ChartAxis("rank i", AxisScale.Log), new ChartAxis("eigenvalue λ_i", AxisScale.Log),
        new ChartSeries[]
        {
            new LineSeries("λ_i = i^-(1+α)", "#1f77b4",
                Enumerable.Range(1, 1000).Select(i => new ChartPoint(i, Math.Pow(i, -(1 + alpha)))).ToList()),
        });

    private static List<(double X, double Y)> PathPoints(string d) =>
        Regex.Matches(d, @"[ML]([-0-9.]+) ([-0-9.]+)")
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();

    [Fact]
    public void Power_law_on_log_log_axes_is_a_straight_line_with_decade_ticks()
    {
        var doc = XDocument.Parse(SvgChartWriter.Render(PowerLawChart(0.5)));
        var path = doc.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "line");
        var pts = PathPoints((string)path.Attribute("d")!);
        Assert.Equal(1000, pts.Count);
        // Collinear up to the 0.01 px rounding of coordinates: slope from the ends predicts every point.
        var slope = (pts[^1].Y - pts[0].Y) / (pts[^1].X - pts[0].X);
        foreach (var p in pts) Assert.InRange(p.Y - (pts[0].Y + slope * (p.X - pts[0].X)), -0.02, 0.02);

        var xLabels = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "x-axis")
            .Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick-label").Select(t => t.Value).ToList();
        Assert.Equal(new[] { "1", "10", "100", "1000" }, xLabels);
        // λ from 1 down to 1000^-1.5 ≈ 3.2e-5: decades 1e-5 … 1, widened to whole decades.
        var yLabels = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "y-axis")
            .Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick-label").Select(t => t.Value).ToList();
        Assert.Equal(new[] { "1e-5", "1e-4", "0.001", "0.01", "0.1", "1" }, yLabels);
    }

    [Fact]
    public void A_point_on_a_whole_decade_edge_sits_inside_the_frame()
    {
        // Rank 1 with λ_1 = 1 is the corner of the decade range; it must not hide under the axes.
        var doc = XDocument.Parse(SvgChartWriter.Render(PowerLawChart(0.5)));
        var clip = doc.Descendants(Svg + "clipPath").Single().Element(Svg + "rect")!;
        double A(string name) => double.Parse((string)clip.Attribute(name)!, CultureInfo.InvariantCulture);
        var (left, top, width, height) = (A("x"), A("y"), A("width"), A("height"));
        var path = doc.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "line");
        var pts = PathPoints((string)path.Attribute("d")!);
        // Three decades across, six down: the padding is 3 % of each axis, about 0.09 and 0.18 decades.
        Assert.InRange(pts[0].X - left, 0.02 * width, 0.05 * width);
        Assert.InRange(pts[0].Y - top, 0.02 * height, 0.05 * height);
        Assert.InRange(pts[^1].X, left, left + width * 0.98);
    }

    [Fact]
    public void Decade_ticks_are_evenly_spaced_on_a_log_axis()
    {
        var doc = XDocument.Parse(SvgChartWriter.Render(PowerLawChart(1)));
        var xs = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "x-axis")
            .Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick-label")
            .Select(t => double.Parse(t.Attribute("x")!.Value, CultureInfo.InvariantCulture)).ToList();
        var gaps = xs.Zip(xs.Skip(1), (a, b) => b - a).ToList();
        // Positions are written to 0.01 px, so two gaps of equal length differ by at most 0.02 px.
        foreach (var g in gaps) Assert.InRange(Math.Abs(g - gaps[0]), 0, 0.02 + 1e-9);
    }

    [Fact]
    public void Non_finite_and_non_positive_points_are_left_out_and_break_the_line()
    {
        var chart = new Chart("c", "gaps", new ChartAxis("x", AxisScale.Log), new ChartAxis("y"),
            new ChartSeries[]
            {
                new LineSeries("s", "red", new[]
                {
                    new ChartPoint(1, 1), new ChartPoint(2, 2), new ChartPoint(3, double.NaN), new ChartPoint(0, 4),
                    new ChartPoint(5, 5), new ChartPoint(6, double.PositiveInfinity), new ChartPoint(7, 7),
                }),
                new VerticalMarker("edge", "black", double.NaN),
            });
        var svg = SvgChartWriter.Render(chart);
        Assert.DoesNotContain("NaN", svg);
        Assert.DoesNotContain("Infinity", svg);
        var d = (string)XDocument.Parse(svg).Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "line").Attribute("d")!;
        // Points 1, 2 | 5 | 7: three sub-paths with four points in all.
        Assert.Equal(3, d.Count(c => c == 'M'));
        Assert.Equal(1, d.Count(c => c == 'L'));
        Assert.DoesNotContain(XDocument.Parse(svg).Descendants(Svg + "path"), p => (string?)p.Attribute("class") == "marker");
    }

    [Fact]
    public void Histogram_draws_one_closed_bar_per_nonzero_bin_inside_the_plot()
    {
        var edges = Enumerable.Range(0, 41).Select(i => i * 0.1).ToArray();
        var heights = Enumerable.Range(0, 40).Select(i => i % 5 == 4 ? 0.0 : Math.Exp(-i * 0.1)).ToArray();
        var chart = new Chart("h", "P(s)", new ChartAxis("s"), new ChartAxis("P(s)"), new ChartSeries[] { new BarSeries("data", "gray", edges, heights) });
        var doc = XDocument.Parse(SvgChartWriter.Render(chart));
        var d = (string)doc.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "bars").Attribute("d")!;
        Assert.Equal(32, d.Count(c => c == 'Z'));
        var frame = doc.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("class") == "frame");
        double Attr(string n) => double.Parse(frame.Attribute(n)!.Value, CultureInfo.InvariantCulture);
        var numbers = Regex.Matches(d, @"[-0-9.]+").Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.All(numbers, v => Assert.InRange(v, Math.Min(Attr("x"), Attr("y")) - 0.01, Attr("x") + Attr("width") + 0.01));
    }

    [Fact]
    public void Linear_axis_gets_nice_round_ticks_covering_the_data()
    {
        var chart = new Chart("r", "ratio", new ChartAxis("r̃"), new ChartAxis("density"),
            new ChartSeries[] { new LineSeries("x", "blue", new[] { new ChartPoint(0.03, 0.1), new ChartPoint(0.97, 1.93) }) });
        var doc = XDocument.Parse(SvgChartWriter.Render(chart));
        var labels = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "x-axis")
            .Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick-label").Select(t => t.Value).ToList();
        Assert.Equal(new[] { "0.0", "0.2", "0.4", "0.6", "0.8", "1.0" }, labels);
        var yLabels = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "y-axis")
            .Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick-label").Select(t => t.Value).ToList();
        Assert.Equal("0.0", yLabels[0]);
        Assert.Equal("2.0", yLabels[^1]);
    }

    [Fact]
    public void Legend_names_every_series_and_axis_labels_and_title_are_written()
    {
        var chart = new Chart("p", "P(s) & friends", new ChartAxis("spacing s (mean 1)"), new ChartAxis("P(s)"),
            new ChartSeries[]
            {
                new BarSeries("data", "gray", new[] { 0.0, 1, 2 }, new[] { 0.6, 0.4 }),
                new LineSeries("Poisson e^-s", "red", new[] { new ChartPoint(0, 1), new ChartPoint(2, Math.Exp(-2)) }, Dashed: true),
                new LineSeries("GOE (Wigner)", "blue", new[] { new ChartPoint(0, 0), new ChartPoint(2, 0.1) }),
            });
        var svg = SvgChartWriter.Render(chart);
        var doc = XDocument.Parse(svg);
        var legend = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(new[] { "data", "Poisson e^-s", "GOE (Wigner)" }, legend.Elements(Svg + "text").Select(t => t.Value));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "spacing s (mean 1)");
        Assert.Equal("P(s) & friends", doc.Descendants(Svg + "title").Single().Value);
        Assert.Equal(svg, SvgChartWriter.Render(chart));
    }

    [Theory]
    [InlineData(6.0, 6, 1.0)]
    [InlineData(7.0, 6, 2.0)]
    [InlineData(0.94, 6, 0.2)]
    [InlineData(1e-3, 5, 0.0002)]
    [InlineData(2300, 5, 500)]
    public void Nice_steps_are_one_two_or_five_times_a_power_of_ten(double range, int target, double expected) =>
        Assert.Equal(expected, NiceTicks.NiceStep(range, target), 12);
}
