using Spectra.Studies.Attribution;

namespace Spectra.Studies.Rendering;

/// <summary>
/// For image input, each eigenvector drawn as the picture it lives on (red positive, blue negative), so a reader sees
/// what the direction is: a stroke, a border, a single hot pixel, a colour cast; beside it, the samples that score
/// highest on it, as the images they are. RGB is drawn as the mean of the three channels. Table input has no
/// picture: no chart.
/// </summary>
internal static class AttributionCharts
{
    private const int PlotWidth = 240;
    private const int SampleWidth = 120;

    /// <summary>How many of a component's top samples are drawn beside it.</summary>
    public const int SamplesDrawn = 3;

    public static IReadOnlyList<Chart> All(AttributionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.ImageSize is not [var width, var height, var channels]) return [];
        var pixels = width * height;
        var charts = new List<Chart>();
        foreach (var c in result.Components)
        {
            if (c.Vector is not { } vector || vector.Count != pixels * channels) continue;
            var plotHeight = Math.Clamp((int)Math.Round(PlotWidth * (double)height / width), 60, 480);
            charts.Add(new Chart($"attribution-vector-{c.Rank}",
                string.Create(CultureInfo.InvariantCulture, $"eigenvector {c.Rank}: {c.VarianceShare:P1} of the variance"),
                new ChartAxis("x (pixel)", AxisScale.Linear, 0, width), new ChartAxis("y (pixel rows from the bottom)", AxisScale.Linear, 0, height),
                [new PixelGrid(width, height, MeanOverChannels(vector, pixels, channels))], Width: PlotWidth + 90, Height: plotHeight + 96));
            var sampleHeight = Math.Clamp((int)Math.Round(SampleWidth * (double)height / width), 30, 240);
            foreach (var (s, i) in c.TopSamples.Take(SamplesDrawn).Select((s, i) => (s, i)))
            {
                if (s.Pixels is not { } row || row.Count != pixels * channels) continue;
                charts.Add(new Chart($"attribution-sample-{c.Rank}-{i + 1}",
                    string.Create(CultureInfo.InvariantCulture, $"{s.Name}: score {s.Score:G4}"),
                    new ChartAxis("x", AxisScale.Linear, 0, width), new ChartAxis("y", AxisScale.Linear, 0, height),
                    [new PixelGrid(width, height, MeanOverChannels(row, pixels, channels), Intensity: true)], Width: SampleWidth + 90, Height: sampleHeight + 96));
            }
        }
        return charts;
    }

    private static double[] MeanOverChannels(IReadOnlyList<double> values, int pixels, int channels)
    {
        var grid = new double[pixels];
        for (var p = 0; p < pixels; p++)
        {
            double sum = 0;
            for (var ch = 0; ch < channels; ch++) sum += values[p * channels + ch];
            grid[p] = sum / channels;
        }
        return grid;
    }
}
