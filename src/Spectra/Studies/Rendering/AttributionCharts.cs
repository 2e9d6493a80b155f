using System.Globalization;
using Spectra.Reports.Charts;
using Spectra.Studies.Attribution;

namespace Spectra.Studies.Rendering;

/// <summary>
/// For image input, each eigenvector drawn as the picture it lives on (red positive, blue negative), so a reader sees
/// what the direction is: a stroke, a border, a single hot pixel, a colour cast. RGB vectors are drawn as the mean of
/// their three channels. Table input has no picture: no chart.
/// </summary>
internal static class AttributionCharts
{
    private const int PlotWidth = 240;

    public static IReadOnlyList<Chart> All(AttributionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.ImageSize is not [var width, var height, var channels]) return [];
        var pixels = width * height;
        var charts = new List<Chart>();
        foreach (var c in result.Components)
        {
            if (c.Vector is not { } vector || vector.Count != pixels * channels) continue;
            var grid = new double[pixels];
            for (var p = 0; p < pixels; p++)
            {
                double sum = 0;
                for (var ch = 0; ch < channels; ch++) sum += vector[p * channels + ch];
                grid[p] = sum / channels;
            }
            var plotHeight = Math.Clamp((int)Math.Round(PlotWidth * (double)height / width), 60, 480);
            charts.Add(new Chart($"attribution-vector-{c.Rank}",
                string.Create(CultureInfo.InvariantCulture, $"eigenvector {c.Rank}: {c.VarianceShare:P1} of the variance"),
                new ChartAxis("x (pixel)", AxisScale.Linear, 0, width), new ChartAxis("y (pixel rows from the bottom)", AxisScale.Linear, 0, height),
                [new PixelGrid(width, height, grid)], Width: PlotWidth + 90, Height: plotHeight + 96));
        }
        return charts;
    }
}
