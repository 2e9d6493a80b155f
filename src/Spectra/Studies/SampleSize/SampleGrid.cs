namespace Spectra.Studies.SampleSize;

/// <summary>The sample sizes of a scan: a log grid of M/d capped by the rows available, ending on the full data.</summary>
internal static class SampleGrid
{
    public static int[] Build(SampleSizeOptions o, int features, int available)
    {
        var ratios = new List<double>();
        if (o.SamplesPerFeature is { } explicitGrid) ratios.AddRange(explicitGrid);
        else
            for (var k = 0; ; k++)
            {
                var r = o.MinSamplesPerFeature * Math.Pow(2, (double)k / o.PointsPerOctave);
                if (r > o.MaxSamplesPerFeature * (1 + 1e-12)) break;
                ratios.Add(r);
            }
        var sizes = ratios.Select(r => (int)Math.Min(int.MaxValue, Math.Round(r * features)))
            .Select(m => Math.Min(m, available)).Where(m => m >= 3).ToList();
        var ceiling = Math.Round((o.SamplesPerFeature?.Max() ?? o.MaxSamplesPerFeature) * features);
        if (available <= ceiling && available >= 3) sizes.Add(available);
        return sizes.Distinct().Order().ToArray();
    }
}
