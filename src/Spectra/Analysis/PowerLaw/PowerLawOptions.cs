namespace Spectra.Analysis.PowerLaw;

/// <summary>Options of the bulk power-law fit (SCIENCE.md §3.1). Ranks are 1-based over the non-zero levels, largest first.</summary>
public sealed record PowerLawOptions
{
    /// <summary>First rank of the fit; null means k_top + 1.</summary>
    public int? StartRank { get; init; }

    /// <summary>Last rank of the fit; null means n/2 (n non-zero levels).</summary>
    public int? EndRank { get; init; }

    /// <summary>Pairs-bootstrap resamples for the confidence interval of α.</summary>
    public int BootstrapSamples { get; init; } = 1000;

    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Run the second, independent estimate: the Clauset–Shalizi–Newman tail fit.</summary>
    public bool TailFit { get; init; } = true;

    /// <summary>Semi-parametric bootstrap draws for the tail fit's goodness-of-fit p-value.</summary>
    public int TailBootstrapSamples { get; init; } = 100;

    /// <summary>Fewest levels above x_min the tail fit accepts.</summary>
    public int TailMinimumCount { get; init; } = 50;

    /// <summary>Most x_min candidates scanned: all admissible ones up to this many, else this many tail counts spaced evenly in ln m (fine where the tail is short).</summary>
    public int TailMaxCandidates { get; init; } = 200;

    /// <summary>Fewest points in the OLS range.</summary>
    public int MinimumPoints { get; init; } = 8;

    public static PowerLawOptions Default { get; } = new();

    internal void Validate()
    {
        if (BootstrapSamples < 0 || BootstrapSamples > 1_000_000) throw Bad($"bootstrap samples must be 0…1000000 (got {BootstrapSamples})");
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1)) throw Bad($"the confidence level must be in (0, 1) (got {ConfidenceLevel})");
        if (TailBootstrapSamples < 0 || TailBootstrapSamples > 100_000) throw Bad($"tail bootstrap samples must be 0…100000 (got {TailBootstrapSamples})");
        if (TailMinimumCount < 5) throw Bad($"the tail fit needs a minimum count ≥ 5 (got {TailMinimumCount})");
        if (TailMaxCandidates < 1) throw Bad($"the tail fit needs ≥ 1 x_min candidate (got {TailMaxCandidates})");
        if (MinimumPoints < 3) throw Bad($"the power-law fit needs ≥ 3 points (got {MinimumPoints})");
        if (StartRank is < 1) throw Bad($"the start rank is 1-based (got {StartRank})");
        if (EndRank is < 1) throw Bad($"the end rank is 1-based (got {EndRank})");
    }

    private static SpectraException Bad(string m) => new(SpectraErrorKind.InvalidOption, m);
}
