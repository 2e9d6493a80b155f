namespace Spectra.Analysis;

/// <summary>A histogram on [Low, High] with equal bins; <see cref="Density"/> integrates to the fraction of the sample inside.</summary>
public sealed record Histogram(double Low, double High, double[] Edges, int[] Counts, double[] Density, int Below, int Above, int Total)
{
    public static Histogram Build(IReadOnlyList<double> values, double low, double high, int bins)
    {
        if (bins < 1 || !(high > low)) throw new SpectraException(SpectraErrorKind.InvalidOption, $"a histogram needs ≥ 1 bin and high > low (got {bins} bins on [{low}, {high}])");
        var counts = new int[bins];
        int below = 0, above = 0;
        var width = (high - low) / bins;
        foreach (var v in values)
        {
            if (v < low) { below++; continue; }
            if (v > high) { above++; continue; }
            var b = Math.Min(bins - 1, (int)((v - low) / width));
            counts[b]++;
        }
        var edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++) edges[i] = low + i * width;
        var density = new double[bins];
        var total = values.Count;
        for (var i = 0; i < bins; i++) density[i] = total == 0 ? 0 : counts[i] / (total * width);
        return new Histogram(low, high, edges, counts, density, below, above, total);
    }
}
