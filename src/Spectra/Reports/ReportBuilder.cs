namespace Spectra.Reports;

/// <summary>
/// Runs the library's one analysis entry point (<see cref="SpectralAnalysis.Run"/>) on a computed
/// spectrum and flattens its <see cref="SpectralReport"/> with the pipeline's provenance into the
/// <see cref="ReportDocument"/> every renderer reads. An analyzer that cannot run (too few levels)
/// leaves its section null rather than failing the run.
/// </summary>
internal static class ReportBuilder
{
    public static AnalysisOptions AnalysisOptionsFor(ReportSettings s) => new()
    {
        KTop = s.KTop,
        KBottom = s.KBottom,
        Seed = s.Seed,
        Unfolding = s.Unfolding,
        // Light runs (baseline replicates) need neither the confidence interval nor the tail fit's bootstrap.
        PowerLaw = s.Light
            ? PowerLawOptions.Default with { BootstrapSamples = 0, TailFit = false, StartRank = s.StartRank, EndRank = s.EndRank }
            : PowerLawOptions.Default with { StartRank = s.StartRank, EndRank = s.EndRank },
        FiniteSize = s.Light || s.ReferenceDraws == 0
            ? FiniteSizeOptions.Default with { Enabled = false }
            : FiniteSizeOptions.Default with { Draws = s.ReferenceDraws },
        FormFactor = FormFactorOptions.Default with { Eta = s.Eta },
        Skip = (s.Light ? new[] { "form_factor" } : Array.Empty<string>()).Concat(s.Inapplicable).ToArray(),
    };

    public static ReportDocument Build(SpectrumComputation c, ReportSettings s)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(s);
        return Build(Analyze(c, s), c, s);
    }

    /// <summary>The analyzers' full results with the options the report records (the one place they are chosen).</summary>
    public static SpectralReport Analyze(SpectrumComputation c, ReportSettings s)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(s);
        var realisations = c.Realisations.Count > 1 ? c.Realisations : null;
        return SpectralAnalysis.Run(c.Spectrum, AnalysisOptionsFor(s), realisations);
    }

    public static ReportDocument Build(SpectralReport report, SpectrumComputation c, ReportSettings s)
    {
        var spectrum = c.Spectrum;
        var prov = spectrum.Provenance;
        var comparisons = report.References.Comparisons;
        var ratioRef = comparisons.FirstOrDefault(x => x.Key == FiniteSizeReferences.RatioMean);
        var timings = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (k, ms) in prov.TimingsMs) timings[k] = ms;
        foreach (var (k, ms) in report.TimingsMs) timings["analyze." + k] = Math.Round(ms, 3);
        var v = report.Verdict;
        return new ReportDocument
        {
            ToolVersion = s.ToolVersion,
            Input = InputSection(c),
            Matrix = LevelSpectrum.Is(c)
                ? new MatrixSection(LevelSpectrum.Kind, LevelSpectrum.Kind, 0, spectrum.Count, false, false, 0, 0)
                : new MatrixSection(Name(prov.Requested), Name(prov.Computed), prov.Samples, prov.Features, prov.Centered, prov.Standardized, prov.DroppedFeatures.Count, prov.DroppedRows),
            Backend = new BackendSection(prov.Backend.Name, prov.Backend.Library, prov.Backend.Version, prov.Backend.Threads) { RankKUpdate = prov.Backend.RankKUpdate },
            Options = s.Options,
            Spectrum = new SpectrumSection(spectrum.All.ToArray(), spectrum.ZeroModes, spectrum.ZeroThreshold, spectrum.NonZero.Count,
                report.Bulk.KTop, report.Bulk.KBottom, report.Bulk.Levels)
            {
                Realisations = c.Realisations.Select(x => (IReadOnlyList<double>)x.All.ToArray()).ToList(),
            },
            PowerLaw = report.PowerLaw.Value is { } p ? PowerSection(p) : null,
            SpacingRatio = report.SpacingRatio.Value is { } r ? RatioSection(r, ratioRef) : null,
            SpacingDistribution = report.SpacingDistribution.Value is { } sd ? SpacingDistributionSection(sd) : null,
            FormFactor = report.FormFactor.Value is { } f ? FormFactorSectionOf(f) : null,
            Entropy = report.Entropy.Value is { } e ? new EntropySection(e.All.Entropy, e.All.Normalized, e.All.EffectiveRank) : null,
            MarchenkoPastur = report.MarchenkoPastur.Value is { } mp ? new MarchenkoPasturSection(mp.Q, mp.SigmaSquared, mp.LowerEdge, mp.UpperEdge, mp.AboveUpperEdge) : null,
            References = comparisons.Select(x => new ReferenceComparison(x.Key, x.Observed, x.Basis, x.GoeMean, x.GoeSpread, x.PoissonMean, x.PoissonSpread, x.Verdict)).ToList(),
            Verdict = new VerdictSection(v.Class, string.Join("; ", v.Reasons), v.Position, v.PGoe, v.PPoisson, v.Basis),
            Timings = timings,
        };
    }

    private static InputSection InputSection(SpectrumComputation c)
    {
        var src = c.Source;
        return new InputSection(src.Path, src.Kind, src.Files, src.Skipped.Select(k => new SkippedEntry(k.Path, k.Reason)).ToList(), src.ContentHash,
            c.Duplicates.Count, c.Duplicates.Rate, c.Duplicates.Examples.Select(e => new DuplicateExample(e.First, e.Duplicate)).ToList(),
            src.DroppedRows, src.Notes.ToList())
        {
            ContentHashAlgorithm = src.ContentHash is null ? null : Data.ContentHash.Algorithm,
        };
    }

    internal static FormFactorSection FormFactorSectionOf(FormFactorResult f) =>
        new(f.ThoulessTime, f.Tau, f.K, f.Realisations, f.ConnectedSmoothed, f.ThoulessTimeSpread, f.ThoulessReason, f.ConnectedSmoothedError, f.ConnectedDefinedFrom);

    private static PowerLawSection PowerSection(PowerLawResult p) =>
        new(p.Alpha, p.RSquared, p.BootstrapSamples > 0 ? p.ConfidenceLow : double.NaN, p.BootstrapSamples > 0 ? p.ConfidenceHigh : double.NaN,
            p.StandardError, p.StartRank, p.EndRank, p.Intercept,
            p.Tail is { } t ? new PowerLawTailSection(t.ImpliedAlpha, t.ImpliedAlphaStandardError, t.Exponent, t.XMin, t.TailCount, t.KsDistance, t.GoodnessOfFitP, t.AgreesWithOls) : null);

    private static SpacingRatioSection RatioSection(SpacingRatioResult r, StatisticComparison? reference) =>
        new(r.Mean, r.StandardError, r.Position, reference?.GoeMean ?? SpacingRatioReferences.GoeMean, reference?.PoissonMean ?? SpacingRatioReferences.PoissonMean,
            r.Histogram);

    private static SpacingDistributionSection SpacingDistributionSection(SpacingDistributionResult r)
    {
        var goe = r.Against("goe");
        var poisson = r.Against("poisson");
        return new SpacingDistributionSection(goe.KullbackLeibler, poisson.KullbackLeibler, goe.JensenShannon, poisson.JensenShannon,
            goe.KsStatistic, poisson.KsStatistic, r.Histogram);
    }

    private static string Name(MatrixKind kind) => kind == MatrixKind.Gram ? "gram" : "covariance";
}
