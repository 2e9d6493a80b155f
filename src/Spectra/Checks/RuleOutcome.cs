namespace Spectra.Checks;

/// <summary>
/// What one rule found: the status, the numbers it compared and a sentence saying why.
/// <see cref="SizeMatch"/> says how the rule's sizes were matched (null: the rule does not compare
/// with the baseline, or its metric counts the whole input); the baseline value and spread are then
/// those at the compared size.
/// </summary>
public sealed record RuleOutcome(
    CheckRule Rule,
    CheckStatus Status,
    double? Value,
    double? BaselineValue,
    double? BaselineSpread,
    double? Sigma,
    string Message,
    SizeMatchMethod? SizeMatch = null);

/// <summary>All outcomes of one check; the overall status is the worst rule's. <see cref="SizeMatch"/> is null when sizes were not matched.</summary>
public sealed record CheckResult(IReadOnlyList<RuleOutcome> Outcomes, SizeMatch? SizeMatch = null)
{
    public CheckStatus Status => Outcomes.Count == 0 ? CheckStatus.Pass : Outcomes.Max(o => o.Status);

    public int ExitCode(bool warnAsError) => ExitCodes.For(Status, warnAsError);

    public int Count(CheckStatus status) => Outcomes.Count(o => o.Status == status);
}
