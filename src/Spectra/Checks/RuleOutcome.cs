namespace Spectra.Checks;

/// <summary>What one rule found: the status, the numbers it compared and a sentence saying why.</summary>
public sealed record RuleOutcome(
    CheckRule Rule,
    CheckStatus Status,
    double? Value,
    double? BaselineValue,
    double? BaselineSpread,
    double? Sigma,
    string Message);

/// <summary>All outcomes of one check; the overall status is the worst rule's.</summary>
public sealed record CheckResult(IReadOnlyList<RuleOutcome> Outcomes)
{
    public CheckStatus Status => Outcomes.Count == 0 ? CheckStatus.Pass : Outcomes.Max(o => o.Status);

    public int ExitCode(bool warnAsError) => ExitCodes.For(Status, warnAsError);

    public int Count(CheckStatus status) => Outcomes.Count(o => o.Status == status);
}
