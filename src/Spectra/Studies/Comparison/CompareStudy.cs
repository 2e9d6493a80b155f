namespace Spectra.Studies.Comparison;

/// <summary>
/// Two datasets or two reports side by side: two-sample KS and Hellinger distances between their
/// unfolded spacing and spacing-ratio distributions, and the difference of each headline statistic
/// in units of its spread.
/// </summary>
internal static class CompareStudy
{
    /// <summary>One side: its spectrum, the spectra of its realisations (for spreads; may be empty) and a description.</summary>
    public sealed record Side(EigenSpectrum Spectrum, IReadOnlyList<EigenSpectrum> Realisations, string Name, string Kind);

    public static Side FromSource(IDataSource source, CompareOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= CompareOptions.Default;
        var run = SpectrumPipeline.Run(source, options.Spectrum with { PerLabel = false }, null, cancellationToken);
        return new Side(run.Spectrum, run.Realisations, source.Header.Path, "dataset");
    }

    public static Side FromReport(string path)
    {
        var (spectrum, _, _, realisations) = ReportSpectrumReader.Read(path);
        return new Side(spectrum, realisations, path, "report");
    }

    public static CompareResult Run(IDataSource a, IDataSource b, CompareOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= CompareOptions.Default;
        return Run(FromSource(a, options, cancellationToken), FromSource(b, options, cancellationToken), options);
    }

    public static CompareResult Run(Side a, Side b, CompareOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= CompareOptions.Default;
        var h = options.Headline;
        var ha = Headline.Of(a.Spectrum, h);
        var hb = Headline.Of(b.Spectrum, h);
        var ra = a.Realisations.Select(s => Headline.Of(s, h)).ToList();
        var rb = b.Realisations.Select(s => Headline.Of(s, h)).ToList();

        var statistics = new List<StatisticDifference>();
        foreach (var name in HeadlineStatistics.Names)
        {
            var va = ha.Get(name);
            var vb = hb.Get(name);
            var sa = SpreadOf(name, ha, ra);
            var sb = SpreadOf(name, hb, rb);
            double? diff = va is not null && vb is not null ? vb - va : null;
            double? spread = sa is not null && sb is not null ? Math.Sqrt(sa.Value * sa.Value + sb.Value * sb.Value) : null;
            double? sigmas = diff is not null && spread > 0 ? diff / spread : null;
            statistics.Add(new StatisticDifference(name, va, vb, diff, spread, sigmas, sigmas is { } z && Math.Abs(z) > options.Sigmas));
        }

        var distributions = new List<DistributionDistance>();
        var (spA, spB) = (Spacings(a.Spectrum, h), Spacings(b.Spectrum, h));
        if (spA is not null && spB is not null) distributions.Add(Distance("spacing", spA, spB, 0, 4, options.SpacingBins, options));
        var (rA, rB) = (Ratios(a.Spectrum, h), Ratios(b.Spectrum, h));
        if (rA.Length > 1 && rB.Length > 1) distributions.Add(Distance("ratio", rA, rB, 0, 1, options.RatioBins, options));

        var different = statistics.Any(s => s.Differs) || distributions.Any(d => d.Differs);
        var inv = CultureInfo.InvariantCulture;
        var rule = string.Format(inv, "a statistic differs when |B − A| > {0} √(s_A² + s_B²), s the standard deviation over each side's realisations (the standard error of ⟨r̃⟩ without them); a distribution differs when its two-sample KS p-value is below {1}",
            options.Sigmas, options.KsAlpha);
        var differing = statistics.Where(s => s.Differs).Select(s => s.Statistic).Concat(distributions.Where(d => d.Differs).Select(d => d.Distribution + " distribution")).ToList();
        var summary = different ? "different: " + string.Join(", ", differing) : "no difference beyond the spreads";
        var (sideA, sideB) = (Describe(a, options), Describe(b, options));
        return new CompareResult(sideA, sideB, distributions, statistics, different, rule, summary, Warnings(sideA, sideB, options));
    }

    private static List<string> Warnings(CompareSide a, CompareSide b, CompareOptions o)
    {
        var inv = CultureInfo.InvariantCulture;
        var warnings = new List<string>();
        bool Differ(long x, long y) => x > 0 && y > 0 && Math.Max(x, y) > (1 + o.SizeTolerance) * Math.Min(x, y);
        if (Differ(a.Samples, b.Samples))
            warnings.Add(string.Format(inv,
                "sample sizes differ: A has M = {0}, B M = {1} ({2:0.0}×); α, S / ln n and KL(P(s) ‖ GOE) move with M/d (α approaches its population value from above), so a difference in them may be the sample size; for a size-matched comparison run it with --max-samples {3} (a seeded random subset of the larger side; a report: analyze its data again with that option)",
                a.Samples, b.Samples, (double)Math.Max(a.Samples, b.Samples) / Math.Min(a.Samples, b.Samples), Math.Min(a.Samples, b.Samples)));
        if (Differ(a.Features, b.Features))
            warnings.Add(string.Format(inv,
                "feature counts differ: A has d = {0}, B d = {1}; the spectra have different numbers of levels, so α (fitted up to rank n/2) and S / ln n do not measure the same thing on both sides; ⟨r̃⟩ and the spacing distributions need no common n",
                a.Features, b.Features));
        foreach (var side in new[] { a, b }.Where(s => s.Realisations < 2))
            warnings.Add($"{(side == a ? "A" : "B")} ({side.Name}) has no realisations (a report written with --sff-realisations 0 or by an older version): only ⟨r̃⟩ has a spread there (its standard error), the other statistics none");
        return warnings;
    }

    private static double? SpreadOf(string name, HeadlineStatistics full, List<HeadlineStatistics> realisations)
    {
        var s = Spread.Of(realisations.Select(r => r.Get(name)));
        if (s.Count >= 2) return s.StandardDeviation;
        return name == "mean_ratio" ? full.MeanRatioStandardError : null;
    }

    private static double[]? Spacings(EigenSpectrum s, HeadlineOptions h)
    {
        var bulk = s.Bulk(h.KTop, h.KBottom).Levels;
        if (bulk.Length < Math.Max(Unfolder.MinimumLevels, 30) || bulk[^1] <= bulk[0]) return null;
        return Unfolder.Unfold(bulk, h.Unfolding).Spacings;
    }

    private static double[] Ratios(EigenSpectrum s, HeadlineOptions h) =>
        SpacingRatioAnalyzer.Ratios(s.Bulk(h.KTop, h.KBottom).Levels, 1).Ratios;

    private static DistributionDistance Distance(string name, double[] a, double[] b, double low, double high, int bins, CompareOptions o)
    {
        var (d, p) = TwoSample.KolmogorovSmirnov(a, b);
        return new DistributionDistance(name, a.Length, b.Length, d, p, TwoSample.Hellinger(a, b, low, high, bins), p < o.KsAlpha)
        {
            Edges = Enumerable.Range(0, bins + 1).Select(k => low + (high - low) * k / bins).ToArray(),
            DensityA = TwoSample.Density(a, low, high, bins),
            DensityB = TwoSample.Density(b, low, high, bins),
        };
    }

    private static CompareSide Describe(Side s, CompareOptions o) => new(s.Name, s.Kind, s.Spectrum.Provenance.Samples, s.Spectrum.Provenance.Features,
        s.Spectrum.NonZero.Count, s.Realisations.Count, SpectralAnalysis.VerdictOf(s.Spectrum, o.Analysis));
}
