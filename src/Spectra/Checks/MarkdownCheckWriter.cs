namespace Spectra.Checks;

/// <summary>A check as a Markdown section that fits a CI step summary: the verdict, then one table row per rule.</summary>
internal static class MarkdownCheckWriter
{
    public static string Write(CheckResult result, string inputPath, string baselinePath)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append($"## Spectra check: {Label(result.Status)}\n\n");
        sb.Append($"Input `{MarkdownText.Code(inputPath)}` against baseline `{MarkdownText.Code(baselinePath)}`: ");
        sb.Append($"{result.Count(CheckStatus.Pass)} passed, {result.Count(CheckStatus.Warn)} warned, ");
        sb.Append($"{result.Count(CheckStatus.Fail)} failed, {result.Count(CheckStatus.Error)} could not be computed.\n\n");
        if (result.SizeMatch is { } match) sb.Append($"Sizes: {MarkdownText.Cell(match.Description)}.\n\n");
        sb.Append("| rule | status | value | baseline | deviation | detail |\n");
        sb.Append("|---|---|---:|---:|---:|---|\n");
        foreach (var o in result.Outcomes)
        {
            var baseline = o.BaselineValue is { } b ? Band.Fmt(b) + (o.BaselineSpread is { } s ? " ± " + Band.Fmt(s) : "") : "–";
            sb.Append($"| {MarkdownText.Cell(o.Rule.DisplayName)} | {Label(o.Status)} | {(o.Value is { } v ? Band.Fmt(v) : "–")} | {baseline} | ");
            sb.Append($"{(o.Sigma is { } k ? Band.Fmt(k) + "σ" : "–")} | {MarkdownText.Cell(o.Message)} |\n");
        }
        return sb.ToString();
    }

    public static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "✅ pass",
        CheckStatus.Warn => "⚠️ warn",
        CheckStatus.Fail => "❌ fail",
        _ => "⛔ could not compute",
    };
}
