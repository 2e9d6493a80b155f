namespace Spectra.Checks;

/// <summary>Applies rules to today's metrics and a baseline.</summary>
internal static class CheckEvaluator
{
    public static CheckResult Evaluate(RuleSet rules, IReadOnlyList<Metric> current, Baseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(current);
        var byKey = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var m in current) byKey[m.Key] = m;
        return new CheckResult(rules.Rules.Select(r => r.Metric == MetricTable.ThoulessTime
            ? ThoulessRule.Evaluate(r, byKey.GetValueOrDefault(r.Metric), baseline)
            : Evaluate(r, byKey.GetValueOrDefault(r.Metric), baseline?.Find(r.Metric))).ToList());
    }

    /// <summary>
    /// Applies rules with sizes matched: rules that compare a size-dependent metric with the baseline
    /// read <paramref name="matched"/> (the batch's metrics at the compared size) against the baseline
    /// at that size; absolute limits and whole-input counts read <paramref name="whole"/>.
    /// </summary>
    public static CheckResult Evaluate(RuleSet rules, IReadOnlyList<Metric> whole, IReadOnlyList<Metric> matched, Baseline baseline, SizeMatch match)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(match);
        var wholeByKey = whole.ToDictionary(m => m.Key, StringComparer.Ordinal);
        var matchedByKey = matched.ToDictionary(m => m.Key, StringComparer.Ordinal);
        return new CheckResult(rules.Rules.Select(r => Evaluate(r, wholeByKey, matchedByKey, baseline, match)).ToList(), match);
    }

    private static RuleOutcome Evaluate(CheckRule rule, Dictionary<string, Metric> whole, Dictionary<string, Metric> matched, Baseline baseline, SizeMatch match)
    {
        var reference = baseline.Find(rule.Metric);
        if (!rule.NeedsBaseline || MetricTable.CountsWholeInput(rule.Metric))
            return Evaluate(rule, whole.GetValueOrDefault(rule.Metric), reference);
        if (match.Method == SizeMatchMethod.Unmatched)
            return new RuleOutcome(rule, CheckStatus.Error, whole.GetValueOrDefault(rule.Metric)?.Value, reference?.Value, reference?.Spread, null,
                $"{rule.Metric} not compared: {match.Note}", match.Method);
        var metric = match.Method == SizeMatchMethod.Subsample ? matched.GetValueOrDefault(rule.Metric) : whole.GetValueOrDefault(rule.Metric);
        var atSize = reference is null ? null : match.Reference(reference);
        if (reference is not null && atSize is null)
            return new RuleOutcome(rule, CheckStatus.Error, metric?.Value, reference.Value, reference.Spread, null,
                $"{rule.Metric} not compared at {SizeMatch.N(match.ComparedSamples)} rows: the baseline has no half-sample mean and spread for it; re-create the baseline", match.Method);
        var outcome = Evaluate(rule, metric, atSize);
        var note = match.Note;
        return outcome with { SizeMatch = match.Method, Message = note.Length == 0 ? outcome.Message : $"{outcome.Message} [{note}]" };
    }

    public static RuleOutcome Evaluate(CheckRule rule, Metric? metric, Metric? reference)
    {
        if (metric is null || !double.IsFinite(metric.Value))
            return new RuleOutcome(rule, CheckStatus.Error, null, reference?.Value, reference?.Spread, null,
                $"{rule.Metric} could not be computed on this input");
        var v = metric.Value;
        if (rule.NeedsBaseline && (reference is null || !double.IsFinite(reference.Value)))
            return new RuleOutcome(rule, CheckStatus.Error, v, null, null, null,
                $"{rule.Metric} = {Band.Fmt(v)}, but the baseline has no value for it; re-create the baseline");
        var needsSpread = rule.Warn?.MaxSigma is not null || rule.Fail?.MaxSigma is not null;
        if (needsSpread && reference!.Spread is null && rule.MinSpread is null)
            return new RuleOutcome(rule, CheckStatus.Error, v, reference.Value, null, null,
                $"{rule.Metric} = {Band.Fmt(v)}, but the baseline has no spread for it (max_sigma needs one); re-create the baseline or give min_spread");
        var needsReferences = (rule.Warn?.CloserToGoeThanPoisson ?? false) || (rule.Fail?.CloserToGoeThanPoisson ?? false);
        if (needsReferences && (metric.Goe is null || metric.Poisson is null))
            return new RuleOutcome(rule, CheckStatus.Error, v, reference?.Value, reference?.Spread, null,
                $"{rule.Metric} has no GOE and Poisson references to compare with");

        double? sigma = null;
        double? spread = null;
        // A distance in spreads means something only where there is a spread: a rule without
        // max_sigma on a metric the baseline does not resample (the duplicate rate, spread 0)
        // would otherwise show the 1e-9 floor as "1.3E+08σ".
        var hasSpread = needsSpread || rule.MinSpread is not null || reference?.Spread is > 0;
        if (reference is not null && double.IsFinite(reference.Value) && hasSpread)
        {
            spread = EffectiveSpread(rule, reference);
            sigma = Math.Abs(v - reference.Value) / spread;
        }

        var failed = Violations(rule.Fail, metric, reference, sigma);
        var warned = Violations(rule.Warn, metric, reference, sigma);
        var status = failed.Count > 0 ? CheckStatus.Fail : warned.Count > 0 ? CheckStatus.Warn : CheckStatus.Pass;
        var what = Describe(metric, reference, sigma);
        var message = status switch
        {
            CheckStatus.Fail => $"{what}: fails ({string.Join("; ", failed)})",
            CheckStatus.Warn => $"{what}: warns ({string.Join("; ", warned)})",
            _ => $"{what}: ok",
        };
        return new RuleOutcome(rule, status, v, reference?.Value, reference?.Spread, sigma, message);
    }

    /// <summary>
    /// The spread max_sigma divides by: the baseline's, floored by the rule's min_spread and by a
    /// relative 1e-9 so that a zero spread gives a large but finite sigma.
    /// </summary>
    public static double EffectiveSpread(CheckRule rule, Metric reference)
    {
        var s = reference.Spread is { } x && double.IsFinite(x) ? x : 0;
        return Math.Max(Math.Max(s, rule.MinSpread ?? 0), 1e-9 * Math.Max(1, Math.Abs(reference.Value)));
    }

    private static List<string> Violations(Band? band, Metric m, Metric? reference, double? sigma)
    {
        var list = new List<string>();
        if (band is null) return list;
        var v = m.Value;
        if (band.Min is { } min && v < min) list.Add($"below {Band.Fmt(min)}");
        if (band.Max is { } max && v > max) list.Add($"above {Band.Fmt(max)}");
        if (reference is not null)
        {
            var delta = v - reference.Value;
            if (band.MaxSigma is { } k && sigma > k) list.Add($"{Band.Fmt(sigma!.Value)}σ from baseline > {Band.Fmt(k)}σ");
            if (band.MaxDelta is { } d && Math.Abs(delta) > d) list.Add($"|Δ| = {Band.Fmt(Math.Abs(delta))} > {Band.Fmt(d)}");
            if (band.MaxIncrease is { } inc && delta > inc) list.Add($"increase {Band.Fmt(delta)} > {Band.Fmt(inc)}");
        }
        if (band.CloserToGoeThanPoisson && m.Goe is { } goe && m.Poisson is { } poisson && !(Math.Abs(v - goe) < Math.Abs(v - poisson)))
            list.Add($"closer to Poisson ({Band.Fmt(poisson)}) than to GOE ({Band.Fmt(goe)})");
        return list;
    }

    private static string Describe(Metric m, Metric? reference, double? sigma)
    {
        var s = $"{m.Key} = {Band.Fmt(m.Value)}";
        if (reference is not null && double.IsFinite(reference.Value))
            s += $" (baseline {Band.Fmt(reference.Value)}" + (reference.Spread is { } sp ? $" ± {Band.Fmt(sp)}" : "") +
                 (sigma is { } k ? $", {Band.Fmt(k)}σ)" : ")");
        return s;
    }
}
