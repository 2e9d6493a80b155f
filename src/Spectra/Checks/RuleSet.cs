namespace Spectra.Checks;

/// <summary>The rules a check applies. Loaded from YAML or JSON by <see cref="RuleSetFile"/>, or <see cref="DefaultRules"/>.</summary>
public sealed record RuleSet(IReadOnlyList<CheckRule> Rules)
{
    public const string CurrentSchema = "spectra.rules/1";
}
