namespace Spectra.Studies.SampleSize;

/// <summary>
/// How many samples are enough (SCIENCE.md §5): the data is decoded once, then for every M of a log
/// grid several seeded random row subsets go through the main pipeline, and every headline statistic
/// is tracked with its spread against M/d. M_crit is reported per statistic with its tolerance.
/// The cost is the eigensolves, not the input.
/// </summary>
internal static class SampleSizeStudy
{
    public static SampleSizeResult Run(IDataSource source, SampleSizeOptions? options = null,
        IProgress<SpectraProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= SampleSizeOptions.Default;
        options.Validate();
        return Run(DataMatrix.Load(source, options.MaxBytes, cancellationToken), options, progress, cancellationToken);
    }

    public static SampleSizeResult Run(DataMatrix data, SampleSizeOptions? options = null,
        IProgress<SpectraProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= SampleSizeOptions.Default;
        options.Validate();
        var d = data.Features;
        var grid = SampleGrid.Build(options, d, data.Rows);
        if (grid.Length == 0)
            throw new SpectraException(SpectraErrorKind.NotEnoughData,
                $"{data.Rows} samples of {d} features leave no sample size of the scan grid with at least 3 samples", data.Info.Path,
                hint: "use more samples, or lower the smallest M/d of the grid");
        var total = grid.Sum(m => m == data.Rows ? 1 : options.Subsets);
        var done = 0;
        var points = new List<ScanPoint>();
        foreach (var m in grid)
        {
            var full = m == data.Rows;
            var subsets = new List<HeadlineStatistics>();
            var verdicts = new List<Verdict>();
            for (var s = 0; s < (full ? 1 : options.Subsets); s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = full ? Enumerable.Range(0, m).ToArray() : Subset(data.Rows, m, options.Seed, s);
                var spectrum = StudySpectra.Of(data.Subset(rows), options.Spectrum, cancellationToken);
                subsets.Add(Headline.Of(spectrum, options.Headline));
                verdicts.Add(SpectralAnalysis.VerdictOf(spectrum, options.Analysis));
                progress?.Report(new SpectraProgress("scan", ++done, total));
            }
            points.Add(new ScanPoint(m, (double)m / d, full, subsets, Summarise(subsets), verdicts));
        }
        return new SampleSizeResult(d, data.Rows, options.Seed, points, Critical(points, options.Tolerances, d));
    }

    /// <summary>M distinct rows in read order, drawn by a partial Fisher–Yates shuffle from a stream keyed by (seed, M, subset).</summary>
    internal static int[] Subset(int available, int m, int seed, int subset)
    {
        var index = Enumerable.Range(0, available).ToArray();
        SeededRandom.ForStream(seed, unchecked(m * 1009 + subset)).Shuffle(index, m);
        var chosen = index[..m];
        Array.Sort(chosen);
        return chosen;
    }

    private static List<StatisticSpread> Summarise(List<HeadlineStatistics> subsets)
    {
        var list = new List<StatisticSpread>();
        foreach (var name in HeadlineStatistics.Names)
        {
            double? se = null;
            if (name == "mean_ratio")
            {
                var ses = subsets.Where(x => x.MeanRatioStandardError.HasValue).Select(x => x.MeanRatioStandardError!.Value).ToArray();
                // Not divided by √subsets: subsets of one dataset share rows, so their average is barely less noisy than one of them.
                if (ses.Length > 0) se = Math.Sqrt(ses.Average(v => v * v));
            }
            list.Add(new StatisticSpread(name, Spread.Of(subsets.Select(x => x.Get(name))), se));
        }
        return list;
    }

    private static List<CriticalSize> Critical(List<ScanPoint> points, CriticalTolerances t, int d)
    {
        var inv = CultureInfo.InvariantCulture;
        var result = new List<CriticalSize>();
        var last = points[^1];

        var goe = SpacingRatioReferences.GoeMean;
        result.Add(Find("mean_ratio", "goe", goe,
            string.Format(inv, "|⟨r̃⟩ − {0}| ≤ max({1}, {2} σ), σ the standard error of one subset's ⟨r̃⟩", goe, t.RatioFloor, t.RatioSigmas),
            points, p =>
            {
                var s = p.Of("mean_ratio");
                return s.Spread.Mean is { } mean && Math.Abs(mean - goe) <= Math.Max(t.RatioFloor, t.RatioSigmas * (s.MeanStandardError ?? 0));
            }, d));

        // The divergence has a noise floor (a few hundred spacings in 40 bins) that one draw measures poorly, so
        // its plateau is the mean over every draw at the two largest sample sizes, and each point is
        // compared through the standard errors of the means.
        var top = points.Skip(Math.Max(0, points.Count - 2)).SelectMany(p => p.Subsets.Select(x => x.SpacingKlGoe)).ToArray();
        var plateau = Spread.Of(top);
        var plateauSe = plateau.Count > 1 ? plateau.StandardDeviation!.Value / Math.Sqrt(plateau.Count) : 0;
        result.Add(Find("spacing_kl_goe", "plateau", plateau.Mean,
            string.Format(inv, "|KL(M) − KL(plateau)| ≤ max({0:P0} of KL(plateau), {1} √(se(M)² + se(plateau)²)); the plateau is the mean over the draws at the two largest M, se the standard errors of the means",
                t.SpacingKlRelative, t.SpacingKlSigmas),
            points, p =>
            {
                var s = p.Of("spacing_kl_goe").Spread;
                if (s.Mean is null || plateau.Mean is null) return false;
                var se = s.Count > 1 ? s.StandardDeviation!.Value / Math.Sqrt(s.Count) : 0;
                var band = Math.Max(t.SpacingKlRelative * plateau.Mean.Value, t.SpacingKlSigmas * Math.Sqrt(se * se + plateauSe * plateauSe));
                return Math.Abs(s.Mean.Value - plateau.Mean.Value) <= band;
            }, d));

        foreach (var (name, tol, label) in new[] { ("alpha", t.AlphaAbsolute, "α"), ("normalized_entropy", t.EntropyAbsolute, "S / ln n") })
        {
            var reference = last.Of(name).Spread.Mean;
            result.Add(Find(name, "full_data", reference, string.Format(inv, "|{0}(M) − {0}(full)| ≤ {1}", label, tol), points,
                p => p.Of(name).Spread.Mean is { } v && reference is { } r && Math.Abs(v - r) <= tol, d));
        }
        return result;
    }

    private static CriticalSize Find(string statistic, string reference, double? referenceValue, string tolerance,
        List<ScanPoint> points, Func<ScanPoint, bool> within, int d)
    {
        int? critical = null;
        for (var i = points.Count - 1; i >= 0 && within(points[i]); i--) critical = points[i].Samples;
        return new CriticalSize(statistic, reference, referenceValue, tolerance, critical, critical is null ? null : (double)critical.Value / d);
    }
}
