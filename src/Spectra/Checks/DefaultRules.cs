namespace Spectra.Checks;

/// <summary>
/// The rules a check applies when none are given. Spectral metrics warn beyond 4 and fail beyond
/// 6 bootstrap spreads from the baseline: a fresh sample of the same data sits within a few
/// spreads (the spreads are those of one sample, and the difference of two samples has √2 of it),
/// while a changed dataset moves tens of spreads. The divergences of P(s) are left out: a histogram
/// KL of a few hundred spacings scatters more between samples than resampling the rows shows. Exact duplicates barely move a covariance
/// spectrum when M ≫ d, so the duplicate rate has its own rule, on its growth over the baseline.
/// Files passed over as unreadable (skip-invalid) do not reach the spectrum at all, so they have an
/// absolute rule that needs no baseline: any warns, more than one in a hundred of the files fails.
/// </summary>
internal static class DefaultRules
{
    public const double WarnSigma = 4;
    public const double FailSigma = 6;

    public static RuleSet Create() => new(new[]
    {
        Sigma("power_law.alpha"),
        Sigma("spacing_ratio.mean"),
        Sigma("entropy.normalized"),
        Sigma("entropy.effective_rank"),
        Sigma("marchenko_pastur.above_edge", minSpread: 1),
        new CheckRule("spacing_ratio.mean", Warn: new Band { CloserToGoeThanPoisson = true }, Name: "spacing_ratio.mean closer to GOE"),
        new CheckRule("duplicates.rate",
            Warn: new Band { MaxIncrease = 0.002 },
            Fail: new Band { MaxIncrease = 0.01 }),
        new CheckRule(MetricTable.SkippedFileRate,
            Warn: new Band { Max = 0 },
            Fail: new Band { Max = SkippedFileFailRate }),
    });

    /// <summary>The share of unreadable files beyond which a check fails.</summary>
    public const double SkippedFileFailRate = 0.01;

    private static CheckRule Sigma(string metric, double? minSpread = null) =>
        new(metric, new Band { MaxSigma = WarnSigma }, new Band { MaxSigma = FailSigma }, MinSpread: minSpread);
}
