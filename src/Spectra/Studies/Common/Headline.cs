namespace Spectra.Studies;

/// <summary>Computes <see cref="HeadlineStatistics"/> with the same analyzers as the main report.</summary>
internal static class Headline
{
    private static readonly PowerLawOptions FastPowerLaw = new() { BootstrapSamples = 0, TailFit = false };

    public static HeadlineStatistics Of(EigenSpectrum spectrum, HeadlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        options ??= HeadlineOptions.Default;
        var input = AnalysisInput.Of(spectrum, options.KTop, options.KBottom);
        var ratio = Analyzers.SpacingRatio.Analyze(input, SpacingRatioOptions.Default);
        var spacing = Analyzers.SpacingDistribution.Analyze(input,
            new SpacingDistributionOptions { Unfolding = options.Unfolding, Bins = options.SpacingBins, IncludeGue = false });
        var power = Analyzers.PowerLaw.Analyze(input,
            FastPowerLaw with { StartRank = options.PowerLawStartRank, EndRank = options.PowerLawEndRank });
        var entropy = Analyzers.Entropy.Analyze(input, new EntropyOptions { IncludeBulk = false });
        var goe = spacing.IsOk ? spacing.Value!.Against("goe") : null;
        return new HeadlineStatistics(
            spectrum.NonZero.Count,
            input.Bulk.Count,
            ratio.IsOk ? Statistics.FiniteOrNull(ratio.Value!.Mean) : null,
            ratio.IsOk ? Statistics.FiniteOrNull(ratio.Value!.StandardError) : null,
            ratio.IsOk ? Statistics.FiniteOrNull(ratio.Value!.Position) : null,
            goe is null ? null : Statistics.FiniteOrNull(goe.KullbackLeibler),
            goe is null ? null : Statistics.FiniteOrNull(goe.JensenShannon),
            power.IsOk ? Statistics.FiniteOrNull(power.Value!.Alpha) : null,
            entropy.IsOk && entropy.Value!.All.Levels > 1 ? Statistics.FiniteOrNull(entropy.Value.All.Normalized) : null);
    }
}
