namespace Spectra.Checks;

/// <summary>A check's result as the JSON report records it.</summary>
public sealed record CheckSummary(CheckResult Result, int ExitCode, string BaselinePath);

/// <summary>
/// The JSON report of <c>spectra check</c>: the analysis report (<see cref="JsonReportWriter"/>) with a
/// "check" section after its verdict, one entry per rule (docs/report-schema.md).
/// </summary>
internal static class CheckJsonWriter
{
    public static string Write(ReportDocument report, CheckSummary check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return JsonReportWriter.Write(report, w => Section(w, check));
    }

    private static void Section(Utf8JsonWriter w, CheckSummary c)
    {
        w.WriteStartObject("check");
        w.WriteString("status", c.Result.Status.ToString().ToLowerInvariant());
        w.WriteNumber("exit_code", c.ExitCode);
        w.WriteString("baseline", c.BaselinePath);
        if (c.Result.SizeMatch is { } match)
        {
            w.WriteStartObject("size_match");
            w.WriteString("method", SizeMatchKey(match.Method));
            w.WriteNumber("batch_samples", match.BatchSamples);
            w.WriteNumber("compared_samples", match.ComparedSamples);
            w.WriteNumber("baseline_samples", match.BaselineSamples);
            if (match.SmallestBatch is { } smallest) w.WriteNumber("smallest_batch", smallest); else w.WriteNull("smallest_batch");
            w.WriteString("description", match.Description);
            w.WriteEndObject();
        }
        else w.WriteNull("size_match");
        w.WriteStartArray("rules");
        foreach (var o in c.Result.Outcomes)
        {
            w.WriteStartObject();
            w.WriteString("name", o.Rule.DisplayName);
            w.WriteString("metric", o.Rule.Metric);
            w.WriteString("status", o.Status.ToString().ToLowerInvariant());
            Num(w, "value", o.Value);
            Num(w, "baseline_value", o.BaselineValue);
            Num(w, "baseline_spread", o.BaselineSpread);
            Num(w, "sigma", o.Sigma);
            if (o.SizeMatch is { } m) w.WriteString("size_match", SizeMatchKey(m)); else w.WriteNull("size_match");
            w.WriteString("message", o.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string SizeMatchKey(SizeMatchMethod m) => m switch
    {
        SizeMatchMethod.SameSize => "same_size",
        SizeMatchMethod.Subsample => "subsample",
        SizeMatchMethod.Interpolation => "interpolation",
        _ => "unmatched",
    };

    private static void Num(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x && double.IsFinite(x)) w.WriteNumber(name, x); else w.WriteNull(name);
    }
}
