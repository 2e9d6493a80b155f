namespace Spectra.Checks;

/// <summary>
/// A rule on one metric: the value leaves <see cref="Warn"/> → warning, leaves <see cref="Fail"/> → failure.
/// <see cref="MinSpread"/> floors the baseline spread used by max_sigma, so that a metric whose
/// bootstrap spread is zero (a count that never moved) does not turn every change into infinite sigma.
/// </summary>
public sealed record CheckRule(string Metric, Band? Warn = null, Band? Fail = null, string? Name = null, double? MinSpread = null)
{
    /// <summary>The rule's display name (the metric key unless named).</summary>
    public string DisplayName => Name ?? Metric;

    /// <summary>Whether a band compares with the baseline (max_sigma, max_delta, max_increase), rather than with absolute limits only.</summary>
    public bool NeedsBaseline => (Warn?.NeedsBaseline ?? false) || (Fail?.NeedsBaseline ?? false);
}
