namespace Spectra.Checks;

/// <summary>
/// A rule on the Thouless time. "None" (no metric) is an answer, not a failure to compute: K_c is not
/// on the GOE ramp by τ = 1, so τ_Th, if it exists at all, is beyond 1. Today's none or the baseline's
/// none is therefore compared as τ_Th = 1, the least it could be (a violation found so is real; a pass
/// is a lower bound), and none on both sides is no change. A baseline value without a spread is
/// scaled by this run's jackknife spread over the realisations; re-creating the baseline would not
/// give it one, since its replicates did not produce the value often enough.
/// </summary>
internal static class ThoulessRule
{
    private const double Heisenberg = 1;

    private const string NoneMeans = "none (K_c is not on the GOE ramp by τ = 1)";

    public static RuleOutcome Evaluate(CheckRule rule, Metric? metric, Baseline? baseline)
    {
        var reference = baseline?.Find(rule.Metric);
        if (baseline is not null && reference is null && metric is null)
            return new RuleOutcome(rule, CheckStatus.Pass, null, null, null, null,
                $"{rule.Metric} is {NoneMeans} today and in the baseline: no change");

        var notes = new List<string>();
        var today = metric;
        if (today is null)
        {
            today = new Metric(rule.Metric, Heisenberg);
            notes.Add($"{NoneMeans} today, compared as τ_Th = 1");
        }
        if (baseline is not null && reference is null)
        {
            reference = new Metric(rule.Metric, Heisenberg, metric?.Spread);
            notes.Add($"{NoneMeans} in the baseline, compared as τ_Th = 1");
        }
        if (reference is { Spread: null } && rule.MinSpread is null)
        {
            if (metric?.Spread is { } own)
            {
                reference = reference with { Spread = own };
                notes.Add("the baseline has no spread for it: this run's jackknife spread over the realisations scales the difference");
            }
            else if ((rule.Warn?.MaxSigma ?? rule.Fail?.MaxSigma) is not null)
                return new RuleOutcome(rule, CheckStatus.Error, metric?.Value, reference.Value, null, null,
                    $"{rule.Metric}: neither the baseline nor this run has a spread for it, which max_sigma needs; give the rule a min_spread (e.g. 0.01, in Heisenberg times)");
        }

        var outcome = CheckEvaluator.Evaluate(rule, today, reference);
        var message = notes.Count == 0 ? outcome.Message : $"{outcome.Message} [{string.Join("; ", notes)}]";
        return outcome with { Value = metric?.Value, BaselineValue = baseline?.Find(rule.Metric)?.Value, Message = message };
    }
}
