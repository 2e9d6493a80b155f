namespace Spectra.Analysis;

/// <summary>One statistic's value in the GOE and Poisson references at the user's n: mean and spread (standard deviation over draws).</summary>
public sealed record ReferenceDistribution(string Key, double GoeMean, double GoeSpread, double PoissonMean, double PoissonSpread);

/// <summary>The simulated references for one spectrum.</summary>
/// <param name="Levels">Non-zero level count n of each draw (the user's).</param>
/// <param name="BulkLevels">Levels of the user's bulk.</param>
/// <param name="SimulatedLevels">Levels per draw: n, or <see cref="FiniteSizeOptions.MaxLevels"/> when n is larger (then the spreads are rescaled, see docs/analysis.md).</param>
public sealed record FiniteSizeReferenceSet(int Levels, int BulkLevels, int SimulatedLevels, int Draws, int Seed, IReadOnlyList<ReferenceDistribution> Statistics)
{
    public ReferenceDistribution? Find(string key) => Statistics.FirstOrDefault(s => s.Key == key);
}

/// <summary>
/// Finite-size references: GOE spectra of the user's n (Dumitriu–Edelman tridiagonal model, QL
/// eigenvalues) and Poisson sequences of the same count go through the same bulk trimming and the
/// same unfolding as the user's spectrum. To make "the same unfolding" meaningful, each reference
/// sequence is first unfolded exactly (semicircle CDF for GOE; Poisson levels already have unit
/// density) and then mapped onto the user's own smooth staircase N̄ by its inverse, so the reference
/// levels have the user's mean density and the unfolding refit meets the same difficulty (e.g. a
/// power-law bulk spanning decades). The inverse is strictly increasing and never evaluates N̄
/// outside the user's bulk (<see cref="StaircaseFit.InverseTable"/>): an extrapolated fit can pile
/// most reference levels onto one value and make the GOE reference of P(s) meaningless.
/// </summary>
internal static class FiniteSizeReferences
{
    public const string RatioMean = "spacing_ratio.mean";
    public const string KlGoe = "spacing_distribution.kl_goe";
    public const string KlPoisson = "spacing_distribution.kl_poisson";
    public const string JsGoe = "spacing_distribution.js_goe";
    public const string JsPoisson = "spacing_distribution.js_poisson";
    public const string KsGoe = "spacing_distribution.ks_goe";
    public const string KsPoisson = "spacing_distribution.ks_poisson";

    private static readonly string[] Keys = { RatioMean, KlGoe, KlPoisson, JsGoe, JsPoisson, KsGoe, KsPoisson };

    /// <summary>
    /// Simulates the references for a spectrum with <paramref name="nonZeroLevels"/> levels trimmed by
    /// <paramref name="kTop"/>/<paramref name="kBottom"/>, whose bulk is <paramref name="bulk"/> (ascending). Null when the bulk is too small to unfold.
    /// </summary>
    public static FiniteSizeReferenceSet? Simulate(int nonZeroLevels, int kTop, int kBottom, IReadOnlyList<double> bulk,
        SpacingDistributionOptions spacingOptions, FiniteSizeOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(bulk);
        ArgumentNullException.ThrowIfNull(spacingOptions);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Draws < 2 || options.Draws > 100_000)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"finite-size references need 2…100000 draws (got {options.Draws})");
        var bulkCount = nonZeroLevels - kTop - kBottom;
        if (bulkCount < Math.Max(Unfolder.MinimumLevels, spacingOptions.MinimumLevels) || bulk.Count != bulkCount || bulk[^1] <= bulk[0])
            return null;
        if (options.MaxLevels < 100)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"finite-size references need a level cap ≥ 100 (got {options.MaxLevels})");
        var fit = Unfolder.FitStaircase(bulk, spacingOptions.Unfolding, out _).InverseTable(8 * bulkCount + 64);

        // Above the cap, draws of the capped size are trimmed in the same proportions and stretched
        // onto the user's bulk; the spreads are rescaled by √(simulated bulk / user bulk) below.
        var simulated = Math.Min(nonZeroLevels, options.MaxLevels);
        var scale = (double)simulated / nonZeroLevels;
        var simTop = (int)Math.Round(kTop * scale);
        var simBottom = (int)Math.Round(kBottom * scale);
        var simBulk = simulated - simTop - simBottom;
        var stretch = (double)bulkCount / simBulk;
        double Inverse(double u) => fit(u * stretch);

        var goe = new double[options.Draws][];
        var poisson = new double[options.Draws][];
        SeededRandom GoeStream(int d) => SeededRandom.ForStream(seed, 2 * d + 1000);
        // Draws go in pairs through the interleaved tridiagonal solver; every draw keeps its own stream,
        // so the result is the same whether draws run in pairs, alone, or on several threads.
        void DrawPair(int k)
        {
            var first = 2 * k;
            var second = first + 1;
            if (second < options.Draws)
            {
                var (a, b) = GoeEnsemble.LevelsPair(simulated, GoeStream(first), GoeStream(second));
                goe[first] = Measure(SemicircleUnfold(a), simTop, simBottom, Inverse, spacingOptions);
                goe[second] = Measure(SemicircleUnfold(b), simTop, simBottom, Inverse, spacingOptions);
            }
            else goe[first] = Measure(GoeUnfolded(simulated, GoeStream(first)), simTop, simBottom, Inverse, spacingOptions);
            for (var d = first; d <= Math.Min(second, options.Draws - 1); d++)
                poisson[d] = Measure(PoissonLevels.Generate(simulated, SeededRandom.ForStream(seed, 2 * d + 1001)), simTop, simBottom, Inverse, spacingOptions);
        }
        var pairs = (options.Draws + 1) / 2;
        if (options.Parallel) System.Threading.Tasks.Parallel.For(0, pairs, DrawPair);
        else for (var k = 0; k < pairs; k++) DrawPair(k);

        var spreadScale = Math.Sqrt((double)simBulk / bulkCount);
        var stats = new List<ReferenceDistribution>();
        for (var k = 0; k < Keys.Length; k++)
        {
            var g = goe.Select(v => v[k]).ToArray();
            var p = poisson.Select(v => v[k]).ToArray();
            stats.Add(new ReferenceDistribution(Keys[k], Analysis.Statistics.Mean(g), spreadScale * Analysis.Statistics.StandardDeviation(g),
                Analysis.Statistics.Mean(p), spreadScale * Analysis.Statistics.StandardDeviation(p)));
        }
        return new FiniteSizeReferenceSet(nonZeroLevels, bulkCount, simulated, options.Draws, seed, stats);
    }

    /// <summary>One GOE draw of n levels, unfolded exactly by the semicircle: n·F_sc(e), ascending.</summary>
    public static double[] GoeUnfolded(int n, SeededRandom random) => SemicircleUnfold(GoeEnsemble.Levels(n, random));

    private static double[] SemicircleUnfold(double[] levels)
    {
        var n = levels.Length;
        var radius = GoeEnsemble.SemicircleRadius(n);
        for (var i = 0; i < n; i++) levels[i] = n * SemicircleLaw.Cdf(levels[i], radius);
        return levels;
    }

    private static double[] Measure(double[] unitDensity, int kTop, int kBottom, Func<double, double> inverse, SpacingDistributionOptions options)
    {
        var count = unitDensity.Length - kTop - kBottom;
        if (count < Unfolder.MinimumLevels) return new[] { 0.0, Math.Log(2), Math.Log(2), Math.Log(2), Math.Log(2), 1.0, 1.0 };
        var mapped = new double[count];
        for (var i = 0; i < count; i++) mapped[i] = inverse(unitDensity[kBottom + i] - kBottom);
        Array.Sort(mapped);
        var ratio = SpacingRatioAnalyzer.MeanRatio(mapped);
        double[] spacings;
        try
        {
            spacings = Unfolder.Unfold(mapped, options.Unfolding).Spacings;
        }
        catch (SpectraException)
        {
            // A draw the unfolding refuses counts as maximally unlike both (a guard: the strictly increasing map should not produce one).
            return new[] { ratio, Math.Log(2), Math.Log(2), Math.Log(2), Math.Log(2), 1.0, 1.0 };
        }
        var g = SpacingDistributionAnalyzer.Compare(spacings, LevelStatistics.Goe, options);
        var p = SpacingDistributionAnalyzer.Compare(spacings, LevelStatistics.Poisson, options);
        return new[] { ratio, g.KullbackLeibler, p.KullbackLeibler, g.JensenShannon, p.JensenShannon, g.KsStatistic, p.KsStatistic };
    }
}
