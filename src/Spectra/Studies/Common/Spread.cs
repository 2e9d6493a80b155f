namespace Spectra.Studies;

/// <summary>Mean and standard deviation of one statistic over repeated draws (subsets, surrogates, realisations).</summary>
/// <param name="Count">Draws that produced a value.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1); 0 for a single draw.</param>
public sealed record Spread(int Count, double? Mean, double? StandardDeviation, double? Min, double? Max)
{
    public static Spread Of(IEnumerable<double?> values)
    {
        var v = values.Where(x => x.HasValue && double.IsFinite(x.Value)).Select(x => x!.Value).ToArray();
        if (v.Length == 0) return new Spread(0, null, null, null, null);
        var mean = v.Average();
        var sd = v.Length < 2 ? 0 : Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return new Spread(v.Length, mean, sd, v.Min(), v.Max());
    }
}
