using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Spectra.Checks;

/// <summary>
/// Loads rules from YAML or JSON (chosen by the extension, or by a leading '{' for other names).
/// Unknown keys and unknown metrics are errors: a misspelt rule that silently never fires is worse
/// than no rule.
/// </summary>
public static class RuleSetFile
{
    private const string FormatHint = "see docs/nightly.md for the rule format";

    public static RuleSet Load(string path)
    {
        var text = RegularFile.ReadText(path, "the rules file", RegularFile.MaxConfigurationBytes, FormatHint);
        var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{');
        return json ? ParseJson(text, path) : ParseYaml(text, path);
    }

    public static RuleSet ParseYaml(string text, string source = "rules")
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance)
            .WithDuplicateKeyChecking().Build();
        RulesDto? dto;
        try
        {
            dto = deserializer.Deserialize<RulesDto?>(text);
        }
        catch (YamlException e)
        {
            throw SpectraException.Invalid("the rules are not valid: " + RuleErrors.Yaml(e), source,
                $"line {e.Start.Line}, column {e.Start.Column}", FormatHint);
        }
        return Build(dto, source);
    }

    public static RuleSet ParseJson(string text, string source = "rules")
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 16,
        };
        RulesDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<RulesDto>(text, options);
        }
        catch (JsonException e)
        {
            throw SpectraException.Invalid("the rules are not valid: " + RuleErrors.Json(e), source, JsonMessages.Place(e), FormatHint);
        }
        return Build(dto, source);
    }

    private static RuleSet Build(RulesDto? dto, string source)
    {
        if (dto is null) throw SpectraException.Invalid("the rules file is empty", source, hint: "see docs/nightly.md for the rule format");
        if (dto.Schema is not null && dto.Schema != RuleSet.CurrentSchema)
            throw SpectraException.Invalid($"the rules have schema '{dto.Schema}', this version reads '{RuleSet.CurrentSchema}'", source);
        var rules = new List<CheckRule>();
        if (dto.IncludeDefaults == true) rules.AddRange(DefaultRules.Create().Rules);
        var list = dto.Rules ?? new List<RuleDto>();
        for (var i = 0; i < list.Count; i++)
        {
            var r = list[i];
            var where = $"rule {i + 1}";
            // A bare "-" (or null in JSON) in the list is an empty rule, not a missing object to dereference.
            if (r is null || string.IsNullOrWhiteSpace(r.Metric))
                throw SpectraException.Invalid("a rule has no metric", source, where, "give `metric: power_law.alpha` or another key from docs/nightly.md");
            // A key renamed in report schema 2 still names its metric, so that a nightly gate keeps running (docs/report-schema.md).
            var metric = MetricTable.Current(r.Metric);
            if (!MetricTable.CheckedKeys.Contains(metric))
                throw SpectraException.Invalid(UnknownMetric(metric), source, where, "known metrics: " + string.Join(", ", MetricTable.CheckedKeys));
            var warn = ToBand(r.Warn, source, where + " (warn)");
            var fail = ToBand(r.Fail, source, where + " (fail)");
            if ((warn is null || warn.IsEmpty) && (fail is null || fail.IsEmpty))
                throw SpectraException.Invalid($"the rule on '{metric}' has neither a warn nor a fail limit", source, where);
            if (r.MinSpread is < 0) throw SpectraException.Invalid("min_spread must be ≥ 0", source, where);
            rules.Add(new CheckRule(metric, warn, fail, r.Name, r.MinSpread));
        }
        if (rules.Count == 0) throw SpectraException.Invalid("the rules file holds no rule", source, hint: "add rules, or `include_defaults: true`");
        return new RuleSet(rules);
    }

    /// <summary>A metric of the report that no baseline records is named as such, not as unknown.</summary>
    private static string UnknownMetric(string key) => MetricTable.Find(key) is not null
        ? $"metric '{key}' is reported but not checked: a baseline does not record it"
        : $"unknown metric '{key}'";

    private static Band? ToBand(BandDto? b, string source, string where)
    {
        if (b is null) return null;
        foreach (var (name, v) in new[] { ("max_sigma", b.MaxSigma), ("max_delta", b.MaxDelta), ("max_increase", b.MaxIncrease) })
            if (v is { } x && (!double.IsFinite(x) || x < 0))
                throw SpectraException.Invalid($"{name} must be a finite number ≥ 0 (got {x})", source, where);
        foreach (var (name, v) in new[] { ("min", b.Min), ("max", b.Max) })
            if (v is { } x && double.IsNaN(x))
                throw SpectraException.Invalid($"{name} must be a number (got NaN)", source, where);
        if (b.Min is { } min && b.Max is { } max && min > max)
            throw SpectraException.Invalid($"min ({min}) is above max ({max})", source, where);
        return new Band
        {
            Min = b.Min, Max = b.Max, MaxSigma = b.MaxSigma, MaxDelta = b.MaxDelta, MaxIncrease = b.MaxIncrease,
            CloserToGoeThanPoisson = b.CloserToGoeThanPoisson ?? false,
        };
    }

    internal sealed class RulesDto
    {
        public string? Schema { get; set; }
        public bool? IncludeDefaults { get; set; }
        public List<RuleDto>? Rules { get; set; }
    }

    internal sealed class RuleDto
    {
        public string? Metric { get; set; }
        public string? Name { get; set; }
        public double? MinSpread { get; set; }
        public BandDto? Warn { get; set; }
        public BandDto? Fail { get; set; }
    }

    internal sealed class BandDto
    {
        public double? Min { get; set; }
        public double? Max { get; set; }
        public double? MaxSigma { get; set; }
        public double? MaxDelta { get; set; }
        public double? MaxIncrease { get; set; }
        public bool? CloserToGoeThanPoisson { get; set; }
    }
}
