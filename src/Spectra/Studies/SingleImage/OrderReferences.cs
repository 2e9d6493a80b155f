namespace Spectra.Studies.SingleImage;

/// <summary>
/// Finite-size references for k-th-order ratios: GOE and Poisson levels of the same count, trimmed
/// like the data's bulk and brought to unit mean density (GOE through the semicircle's exact staircase,
/// Poisson levels have it already), pooled over draws. Ratios of k-spacings span 2k levels, so beyond
/// k = 1 they feel the density; the data's levels are unfolded for the same reason. (Checks: GOE k = 2 follows the β' = 4 surmise, ⟨r̃⟩ ≈ 0.67;
/// Poisson k-spacings are Gamma(k), so ⟨r̃⟩ = 0.3863, 0.5, 0.5625, 0.6042 for k = 1 … 4.)
/// </summary>
internal static class OrderReferences
{
    public sealed record Pooled(double[] Sum, double[] SumSquares, long[] Count)
    {
        public static Pooled Empty(int orders) => new(new double[orders], new double[orders], new long[orders]);

        public void Add(ReadOnlySpan<double> bulk, int maxOrder)
        {
            for (var k = 1; k <= maxOrder; k++)
            {
                var (r, _, _) = SpacingRatioAnalyzer.Ratios(bulk, k);
                foreach (var v in r)
                {
                    Sum[k - 1] += v;
                    SumSquares[k - 1] += v * v;
                    Count[k - 1]++;
                }
            }
        }

        public (double Mean, double StandardError) Of(int k)
        {
            var n = Count[k - 1];
            if (n < 2) return (double.NaN, double.NaN);
            var mean = Sum[k - 1] / n;
            var variance = Math.Max(0, (SumSquares[k - 1] - n * mean * mean) / (n - 1));
            return (mean, Math.Sqrt(variance / n));
        }
    }

    /// <summary>Pools the ratios of <paramref name="draws"/> GOE and Poisson draws for each level count (weighted by how many images have it).</summary>
    public static (Pooled Goe, Pooled Poisson) Simulate(IReadOnlyList<int> levelCounts, int kTop, int kBottom, int maxOrder, int draws, int seed,
        double trimFraction = 0.05)
    {
        var goe = Pooled.Empty(maxOrder);
        var poisson = Pooled.Empty(maxOrder);
        var stream = 0;
        foreach (var group in levelCounts.GroupBy(n => n).OrderBy(g => g.Key))
        {
            var n = group.Key;
            // As many draws per count as needed to weigh counts like the images, at least `draws` in total.
            var perCount = Math.Max(1, (int)Math.Ceiling((double)draws * group.Count() / levelCounts.Count));
            for (var i = 0; i < perCount; i++)
            {
                var g = GoeEnsemble.Levels(n, SeededRandom.ForStream(seed, stream++));
                var radius = GoeEnsemble.SemicircleRadius(n);
                var unfolded = BulkSelection.Select(g, kTop, kBottom).Levels.Select(x => n * SemicircleLaw.Cdf(x, radius)).ToArray();
                goe.Add(Trim(unfolded, trimFraction), maxOrder);
                var p = PoissonLevels.Generate(n, SeededRandom.ForStream(seed, stream++));
                poisson.Add(Trim(BulkSelection.Select(p, kTop, kBottom).Levels, trimFraction), maxOrder);
            }
        }
        return (goe, poisson);
    }

    /// <summary>Drops the same fraction at each end as the unfolding of the data does.</summary>
    private static double[] Trim(double[] levels, double fraction)
    {
        var t = (int)Math.Floor(fraction * levels.Length);
        return levels.Length - 2 * t < 3 ? levels : levels[t..(levels.Length - t)];
    }
}
