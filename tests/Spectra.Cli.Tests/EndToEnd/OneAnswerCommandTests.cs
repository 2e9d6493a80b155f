namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// One question, one answer across commands, on the data-samples: a `classes` row reads as `analyze`
/// of that class's folder, and `compare` answers the same for two datasets and for their reports,
/// each side with the verdict of its analysis.
/// </summary>
public class OneAnswerCommandTests
{
    private static readonly string Samples = Path.Combine(Conformance.ProjectRoot, "data-samples");

    private static JsonElement Json(TempFolder dir, string name, params string[] args)
    {
        var run = Tool.Run(args.Append("--json").Append(dir.File(name)).Append("-q").ToArray());
        Assert.True(run.ExitCode is 0 or 1, run.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File(name)));
        return doc.RootElement.Clone();
    }

    /// <summary>The verdict of an analyze report against a study row's verdict: the same class, the same p-values up to rounding.</summary>
    private static void AssertSameVerdict(JsonElement analyzed, JsonElement row, string label)
    {
        Assert.Equal(analyzed.GetProperty("class").GetString(), row.GetProperty("class").GetString());
        Assert.Equal(analyzed.GetProperty("basis").GetString(), row.GetProperty("basis").GetString());
        foreach (var key in new[] { "position", "p_goe", "p_poisson" })
            Assert.True(Math.Abs(analyzed.GetProperty(key).GetDouble() - row.GetProperty(key).GetDouble()) < 1e-9, $"{label}: {key}");
    }

    [Fact]
    public void Class_rows_read_as_analyze_of_each_class_folder()
    {
        using var dir = new TempFolder();
        var digits = Path.Combine(Samples, "digits");
        var rows = Json(dir, "classes.json", "classes", digits).GetProperty("result").GetProperty("classes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("label").GetString()!, c => c.GetProperty("verdict"));
        // Class 8 was called GOE-like by classes and intermediate by analyze; class 1 is GOE-like in both.
        foreach (var label in new[] { "8", "1" })
            AssertSameVerdict(Json(dir, $"{label}.json", "analyze", Path.Combine(digits, label)).GetProperty("verdict"), rows[label], label);
        Assert.NotEqual(rows["8"].GetProperty("class").GetString(), rows["1"].GetProperty("class").GetString());

        var embeddings = Path.Combine(Samples, "embeddings", "embeddings.parquet");
        var pooled = Json(dir, "pooled.json", "classes", embeddings, "--label-column", "label").GetProperty("result").GetProperty("pooled").GetProperty("verdict");
        AssertSameVerdict(Json(dir, "embeddings.json", "analyze", embeddings, "--label-column", "label").GetProperty("verdict"), pooled, "pooled");
    }

    [Fact]
    public void Compare_answers_the_same_for_datasets_and_their_reports()
    {
        using var dir = new TempFolder();
        var (a, b) = (Path.Combine(Samples, "digits", "1"), Path.Combine(Samples, "digits", "8"));
        Json(dir, "a.json", "analyze", a);
        Json(dir, "b.json", "analyze", b);
        var asData = Json(dir, "data.json", "compare", a, b).GetProperty("result");
        var asReports = Json(dir, "reports.json", "compare", dir.File("a.json"), dir.File("b.json")).GetProperty("result");
        foreach (var key in new[] { "statistics", "distributions", "different", "summary", "warnings" })
            Assert.Equal(asData.GetProperty(key).GetRawText(), asReports.GetProperty(key).GetRawText());
        Assert.Equal("report", asReports.GetProperty("a").GetProperty("kind").GetString());
        // 52 against 46 images: the result says the sample sizes differ.
        Assert.Contains(asData.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("sample sizes differ", StringComparison.Ordinal));
        Assert.Equal(8, asReports.GetProperty("a").GetProperty("realisations").GetInt32());
        // Each side carries the verdict of its own analysis, in both forms.
        foreach (var (side, report) in new[] { ("a", "a.json"), ("b", "b.json") })
        {
            using var analyzed = JsonDocument.Parse(File.ReadAllText(dir.File(report)));
            AssertSameVerdict(analyzed.RootElement.GetProperty("verdict"), asData.GetProperty(side).GetProperty("verdict"), side);
            AssertSameVerdict(analyzed.RootElement.GetProperty("verdict"), asReports.GetProperty(side).GetProperty("verdict"), side + " (report)");
        }
    }
}
