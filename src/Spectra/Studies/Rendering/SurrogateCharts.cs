using Spectra.Studies.Surrogates;

namespace Spectra.Studies.Rendering;

/// <summary>
/// One chart per statistic: a histogram of each surrogate kind's draws (the null distribution) with the
/// real data's value and the GOE reference as vertical lines, so the distance the z-score measures is seen.
/// </summary>
internal static class SurrogateCharts
{
    private static readonly string[] Colors = { "#9ca3af", "#60a5fa", "#a78bfa", "#f59e0b" };
    private const int Bins = 20;

    public static IReadOnlyList<Chart> All(SurrogateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var charts = new List<Chart>();
        var kinds = result.Draws.Select(d => d.Kind).Distinct().ToList();
        foreach (var s in result.Statistics)
        {
            var values = kinds.ToDictionary(k => k, k => result.Draws.Where(d => d.Kind == k)
                .Select(d => d.Statistics.Get(s.Statistic)).Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToArray());
            var all = values.Values.SelectMany(v => v).ToList();
            if (s.Real is { } real) all.Add(real);
            if (all.Count == 0) continue;
            var (lo, hi) = Range(all);
            var edges = Enumerable.Range(0, Bins + 1).Select(i => lo + (hi - lo) * i / Bins).ToArray();
            var series = new List<ChartSeries>();
            for (var i = 0; i < kinds.Count; i++)
                if (values[kinds[i]].Length > 0)
                    series.Add(new BarSeries($"{kinds[i]} surrogates ({values[kinds[i]].Length})", Colors[i % Colors.Length], edges, Counts(values[kinds[i]], edges)));
            if (s.GoeReference is { } goe && goe >= lo && goe <= hi) series.Add(new VerticalMarker(FormattableString.Invariant($"GOE {goe:G4}"), "#059669", goe));
            if (s.Real is { } r) series.Add(new VerticalMarker(FormattableString.Invariant($"data {r:G4}"), "#111827", r, Dashed: false));
            charts.Add(new Chart($"surrogates-{s.Statistic.Replace('_', '-')}", $"{s.Statistic}: data against its surrogates",
                new ChartAxis(s.Statistic, AxisScale.Linear, lo, hi), new ChartAxis("draws", AxisScale.Linear, 0), series));
        }
        return charts;
    }

    /// <summary>The data's range widened by a tenth on each side, so the real value never sits on the frame.</summary>
    private static (double Lo, double Hi) Range(IReadOnlyList<double> v)
    {
        double min = v.Min(), max = v.Max();
        var pad = max > min ? (max - min) * 0.1 : Math.Max(Math.Abs(min) * 0.05, 1e-3);
        return (min - pad, max + pad);
    }

    private static double[] Counts(double[] values, double[] edges)
    {
        var counts = new double[edges.Length - 1];
        var width = edges[^1] - edges[0];
        foreach (var v in values)
            counts[Math.Clamp((int)((v - edges[0]) / width * counts.Length), 0, counts.Length - 1)]++;
        return counts;
    }
}
