using YamlDotNet.Core;
using YamlDotNet.Serialization.NamingConventions;

namespace Spectra.Checks;

/// <summary>
/// The YAML and JSON readers' errors said in the rule file's own terms: an unknown key with the keys
/// allowed there, a value of the wrong type with the type expected, never a .NET type name.
/// </summary>
internal static partial class RuleErrors
{
    public static string Yaml(YamlException e)
    {
        var message = e.Message;
        if (UnknownYamlKey().Match(message) is { Success: true } m) return Unknown(m.Groups[1].Value, m.Groups[2].Value);
        if (e.InnerException is FormatException or OverflowException or InvalidCastException)
            return "a value has the wrong type (limits are numbers, include_defaults and closer_to_goe_than_poisson are true or false)";
        // A list where text was expected, a mapping where a rule was: named by what was expected, not by its .NET type.
        if (YamlTarget().Match(message + "\n" + e.InnerException?.Message) is { Success: true } target)
            return "a value of the wrong kind here: expected " + Kind(target.Groups[1].Value);
        return Clean((e.InnerException?.Message ?? message).Trim());
    }

    public static string Json(JsonException e)
    {
        var message = JsonMessages.Reason(e);
        if (UnknownJsonKey().Match(message) is { Success: true } m) return Unknown(m.Groups[1].Value, m.Groups[2].Value);
        if (WrongJsonType().Match(message) is { Success: true } t)
            return $"the value of '{(e.Path ?? "$").TrimStart('$', '.')}' must be {Expected(t.Groups[1].Value)}";
        return Clean(message);
    }

    private static string Unknown(string key, string dto)
    {
        var type = typeof(RuleSetFile).GetNestedType(dto, System.Reflection.BindingFlags.NonPublic);
        var known = type?.GetProperties().Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name)) ?? [];
        return $"unknown key '{key}' (known keys here: {string.Join(", ", known)})";
    }

    private static string Kind(string dotnetType) =>
        dotnetType.EndsWith("+RuleDto") ? "a rule (metric, name, min_spread, warn, fail)" :
        dotnetType.EndsWith("+BandDto") ? "a band (min, max, max_sigma, max_delta, max_increase, closer_to_goe_than_poisson)" :
        dotnetType.EndsWith("+RulesDto") ? "the rules file's keys (schema, include_defaults, rules)" :
        Expected(dotnetType);

    private static string Expected(string dotnetType) =>
        dotnetType.Contains("Double") ? "a number" :
        dotnetType.Contains("Boolean") ? "true or false" :
        dotnetType.Contains("String") ? "text" :
        dotnetType.Contains("List") ? "a list" : "an object";

    /// <summary>Any .NET type name left in a message becomes the rule file's word for it.</summary>
    private static string Clean(string message) => DotnetType().Replace(message, m => m.Groups[1].Value switch
    {
        "RulesDto" => "the rules file",
        "RuleDto" => "a rule",
        "BandDto" => "a warn/fail band",
        var other => other,
    });

    [GeneratedRegex(@"Property '([^']*)' not found on type '[^']*\+(\w+)'")]
    private static partial Regex UnknownYamlKey();

    [GeneratedRegex(@"property '([^']*)' could not be mapped to any \.NET member contained in type '[^']*\+(\w+)'")]
    private static partial Regex UnknownJsonKey();

    [GeneratedRegex(@"could not be converted to ([^ .]+(?:\.[^ .]+)*)")]
    private static partial Regex WrongJsonType();

    [GeneratedRegex(@"(?:deserialize the node into type|create an instance of type) '?([\w.+`\[\]]+)")]
    private static partial Regex YamlTarget();

    [GeneratedRegex(@"'?Spectra\.Checks\.RuleSetFile\+(\w+)'?")]
    private static partial Regex DotnetType();
}
