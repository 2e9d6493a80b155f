using Spectra.Studies.SingleImage;

namespace Spectra.Studies.Rendering;

/// <summary>
/// ⟨r̃_k⟩ against the order k, with ±1 s.e., beside the GOE and Poisson references of the same counts:
/// the order where the data leave the GOE curve is the scale at which correlations stop.
/// </summary>
internal static class SingleImageCharts
{
    public static IReadOnlyList<Chart> All(SingleImageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Orders.Count == 0) return Array.Empty<Chart>();
        var o = result.Orders;
        var series = new List<ChartSeries>
        {
            new LineSeries("GOE reference", "#059669", o.Select(r => new ChartPoint(r.Order, r.GoeMean)).ToList()),
            new LineSeries("Poisson reference", "#dc2626", o.Select(r => new ChartPoint(r.Order, r.PoissonMean)).ToList(), Dashed: true),
        };
        series.AddRange(ErrorBars.Of("#1d4ed8", o.Select(r => ((double)r.Order, (double?)r.Mean, (double?)r.StandardError))));
        series.Add(new PointSeries("data ⟨r̃_k⟩", "#1d4ed8", o.Select(r => new ChartPoint(r.Order, r.Mean)).ToList(), Radius: 4));
        if (result.DepartureOrder is { } k) series.Add(new VerticalMarker($"departs from GOE at k = {k}", "#d97706", k));
        return new[]
        {
            new Chart("single-image-orders", "k-th-order spacing ratios against GOE and Poisson",
                new ChartAxis("order k", AxisScale.Linear, 0.5, o[^1].Order + 0.5), new ChartAxis("⟨r̃_k⟩"), series, Legend: LegendPosition.BottomRight),
        };
    }
}
