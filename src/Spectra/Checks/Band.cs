namespace Spectra.Checks;

/// <summary>
/// The limits a metric must keep to stay out of one level (warn or fail). Every limit given must
/// hold; a band with no limit always holds.
/// </summary>
public sealed record Band
{
    /// <summary>Absolute lower bound on the value.</summary>
    public double? Min { get; init; }

    /// <summary>Absolute upper bound on the value.</summary>
    public double? Max { get; init; }

    /// <summary>Largest |value − baseline| in units of the baseline's bootstrap spread.</summary>
    public double? MaxSigma { get; init; }

    /// <summary>Largest |value − baseline| in the metric's own units.</summary>
    public double? MaxDelta { get; init; }

    /// <summary>Largest value − baseline (only growth counts; e.g. the duplicate rate).</summary>
    public double? MaxIncrease { get; init; }

    /// <summary>The value must lie closer to the GOE reference than to the Poisson one.</summary>
    public bool CloserToGoeThanPoisson { get; init; }

    public bool NeedsBaseline => MaxSigma is not null || MaxDelta is not null || MaxIncrease is not null;

    public bool IsEmpty => Min is null && Max is null && !NeedsBaseline && !CloserToGoeThanPoisson;

    public override string ToString()
    {
        var parts = new List<string>();
        if (Min is { } min) parts.Add($"≥ {Fmt(min)}");
        if (Max is { } max) parts.Add($"≤ {Fmt(max)}");
        if (MaxSigma is { } s) parts.Add($"within {Fmt(s)}σ of baseline");
        if (MaxDelta is { } d) parts.Add($"within ±{Fmt(d)} of baseline");
        if (MaxIncrease is { } i) parts.Add($"at most +{Fmt(i)} above baseline");
        if (CloserToGoeThanPoisson) parts.Add("closer to GOE than to Poisson");
        return parts.Count == 0 ? "no limit" : string.Join(", ", parts);
    }

    internal static string Fmt(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
