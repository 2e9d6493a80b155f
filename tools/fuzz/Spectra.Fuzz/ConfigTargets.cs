using System.Text;
using Spectra.Checks;

namespace Spectra.Fuzz;

/// <summary>
/// The baseline and rule parsers: a mutated file parses (and then its rules are evaluated against the
/// seed baseline, or the baseline's own metrics against default rules) or is refused with SpectraException.
/// </summary>
internal static class ConfigTargets
{
    public static void ParseBaseline(byte[] bytes, string name)
    {
        var baseline = BaselineFile.Parse(Encoding.UTF8.GetString(bytes), name);
        CheckEvaluator.Evaluate(DefaultRules.Create(), baseline.Metrics, baseline);
    }

    public static Action<byte[], string> ParseRules(Baseline against) => (bytes, name) =>
    {
        var text = Encoding.UTF8.GetString(bytes);
        var rules = name.EndsWith(".json", StringComparison.Ordinal) ? RuleSetFile.ParseJson(text, name) : RuleSetFile.ParseYaml(text, name);
        CheckEvaluator.Evaluate(rules, against.Metrics, against);
    };
}
