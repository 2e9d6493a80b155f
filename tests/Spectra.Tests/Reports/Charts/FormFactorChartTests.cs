using Spectra.Reports.Charts;

namespace Spectra.Tests.Reports.Charts;

public class FormFactorChartTests
{
    private static FormFactorResult Goe(int draws) => Analyzers.FormFactor.Analyze(
        Enumerable.Range(0, draws).Select(k => GoeEnsemble.Levels(300, new SeededRandom(k)).Select(v => v + 1.5 * GoeEnsemble.SemicircleRadius(300)).ToArray()).ToList(),
        FormFactorOptions.Default with { Points = 100 }).Value!;

    [Fact]
    public void The_chart_draws_the_connected_form_factor_where_it_is_defined()
    {
        var result = Goe(12);
        var chart = ReportCharts.FormFactor(ReportBuilder.FormFactorSectionOf(result));
        var data = chart.Series.OfType<LineSeries>().First();
        Assert.Contains("connected K_c", data.Name);
        Assert.Contains("where defined", data.Name);
        // The full K starts at the filter's ~10² disconnected part; the drawn curve starts where that has faded
        // and stays near the ramp and plateau (≤ 1 + a few jackknife errors, well below 3).
        Assert.True(result.K[0] > 50);
        Assert.All(data.Points, p => Assert.True(p.X >= result.ConnectedDefinedFrom!.Value));
        Assert.Equal(result.Tau.Count(t => t >= result.ConnectedDefinedFrom!.Value), data.Points.Count);
        Assert.True(data.Points.Max(p => p.Y) < 3, $"max {data.Points.Max(p => p.Y)}");
        Assert.Contains(chart.Series.OfType<VerticalMarker>(), m => m.Name.StartsWith("Thouless time", StringComparison.Ordinal));
    }
}
