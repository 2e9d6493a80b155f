using Spectra.Analysis;
using Spectra.Analysis.Entropy;
using Spectra.Analysis.FormFactor;
using Spectra.Analysis.MarchenkoPasturFit;
using Spectra.Analysis.PowerLaw;
using Spectra.Analysis.SpacingDistribution;
using Spectra.Analysis.SpacingRatio;
using Spectra.Pipeline;
using Spectra.References;
using Spectra.Reports.Document;
using Spectra.Spectrum;
using DocHistogram = Spectra.Reports.Document.Histogram;

namespace Spectra.Reports;

/// <summary>
/// Runs every analyzer on a computed spectrum and assembles the <see cref="ReportDocument"/>.
/// An analyzer that cannot run (too few levels) leaves its section null rather than failing the run.
/// </summary>
public static class ReportBuilder
{
    public static ReportDocument Build(SpectrumComputation c, ReportSettings s)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(s);
        var spectrum = c.Spectrum;
        var input = AnalysisInput.Of(spectrum, s.KTop, s.KBottom, s.Seed);
        var prov = spectrum.Provenance;

        var power = PowerLawAnalyzer.Instance.Analyze(input, s.Light
            ? PowerLawOptions.Default with { BootstrapSamples = 0, TailFit = false }
            : PowerLawOptions.Default with { TailFit = false });
        var ratio = SpacingRatioAnalyzer.Instance.Analyze(input, SpacingRatioOptions.Default);
        var spacing = SpacingDistributionAnalyzer.Instance.Analyze(input, SpacingDistributionOptions.Default with { Unfolding = s.Unfolding });
        var entropy = EntropyAnalyzer.Instance.Analyze(input, EntropyOptions.Default);
        var mp = MarchenkoPasturAnalyzer.Instance.Analyze(input, MarchenkoPasturOptions.Default);
        AnalysisOutcome<FormFactorResult>? sff = null;
        if (!s.Light)
        {
            var realisations = c.Realisations.Count > 1
                ? c.Realisations.Select(r => r.Bulk(s.KTop, s.KBottom).Levels).ToList()
                : new List<double[]> { input.Bulk.Levels };
            sff = FormFactorAnalyzer.Instance.Analyze(realisations, FormFactorOptions.Default with { Unfolding = s.Unfolding });
        }

        var ratioSection = ratio.IsOk ? RatioSection(ratio.Value!) : null;
        var spacingSection = spacing.IsOk ? SpacingSection(spacing.Value!) : null;
        return new ReportDocument
        {
            ToolVersion = s.ToolVersion,
            Input = InputSection(c),
            Matrix = new MatrixSection(Name(prov.Requested), Name(prov.Computed), prov.Samples, prov.Features, prov.Centered, prov.Standardized, prov.DroppedFeatures.Count),
            Backend = new BackendSection(prov.Backend.Name, prov.Backend.Library, prov.Backend.Version, prov.Backend.Threads),
            Options = s.Options,
            Spectrum = new SpectrumSection(spectrum.All.ToArray(), spectrum.ZeroModes, spectrum.ZeroThreshold, spectrum.NonZero.Count,
                input.Bulk.KTop, input.Bulk.KBottom, input.Bulk.Count),
            PowerLaw = power.IsOk ? PowerSection(power.Value!) : null,
            SpacingRatio = ratioSection,
            Spacing = spacingSection,
            FormFactor = sff is { IsOk: true } ? new FormFactorSection(sff.Value!.ThoulessTime, sff.Value.Tau, sff.Value.K, sff.Value.Realisations) : null,
            Entropy = entropy.IsOk ? new EntropySection(entropy.Value!.All.Entropy, entropy.Value.All.Normalized, entropy.Value.All.EffectiveRank) : null,
            MarchenkoPastur = mp.IsOk ? new MarchenkoPasturSection(mp.Value!.Q, mp.Value.SigmaSquared, mp.Value.LowerEdge, mp.Value.UpperEdge, mp.Value.AboveUpperEdge) : null,
            Verdict = Verdict.Of(ratioSection, spacingSection),
            Timings = prov.TimingsMs,
        };
    }

    private static InputSection InputSection(SpectrumComputation c)
    {
        var src = c.Source;
        return new InputSection(src.Path, src.Kind, src.Files, src.Skipped.Select(k => new SkippedEntry(k.Path, k.Reason)).ToList(), src.ContentHash,
            c.Duplicates.Count, c.Duplicates.Rate, c.Duplicates.Examples.Select(e => new DuplicateExample(e.First, e.Duplicate)).ToList(),
            src.DroppedRows, src.Notes.ToList());
    }

    private static PowerLawSection PowerSection(PowerLawResult p) =>
        new(p.Alpha, p.RSquared, p.BootstrapSamples > 0 ? p.ConfidenceLow : double.NaN, p.BootstrapSamples > 0 ? p.ConfidenceHigh : double.NaN,
            p.StandardError, p.StartRank, p.EndRank, p.Intercept);

    private static SpacingRatioSection RatioSection(SpacingRatioResult r) =>
        new(r.Mean, r.StandardError, r.Position, SpacingRatioReferences.GoeMean, SpacingRatioReferences.PoissonMean,
            new DocHistogram(r.Histogram.Edges, r.Histogram.Density));

    private static SpacingSection SpacingSection(SpacingDistributionResult r)
    {
        var goe = r.Against("goe");
        var poisson = r.Against("poisson");
        return new SpacingSection(goe.KullbackLeibler, poisson.KullbackLeibler, goe.JensenShannon, poisson.JensenShannon,
            goe.KsStatistic, poisson.KsStatistic, new DocHistogram(r.Histogram.Edges, r.Histogram.Density));
    }

    private static string Name(MatrixKind kind) => kind == MatrixKind.Gram ? "gram" : "covariance";
}
