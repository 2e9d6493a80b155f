using Spectra.Reports.Document;

namespace Spectra.Tests.Reports;

public class JsonReportWriterTests
{
    private static ReportDocument Doc(double alpha, double[] eigenvalues) => new()
    {
        ToolVersion = "9.9.9",
        Input = new InputSection("p", "npy", 1, Array.Empty<SkippedEntry>(), "ab", 2, 0.5, new[] { new DuplicateExample("p#0", "p#3") }, 0, Array.Empty<string>()),
        Matrix = new MatrixSection("covariance", "gram", 4, 3, true, false, 0),
        Backend = new BackendSection("managed", "MathNet", null, 1) { RankKUpdate = "avx512-blocked" },
        Spectrum = new SpectrumSection(eigenvalues, 0, 1e-15, eigenvalues.Length, 0, 0, eigenvalues.Length),
        PowerLaw = new PowerLawSection(alpha, 0.99, double.NaN, double.PositiveInfinity, 0.1, 1, 2, 0),
        Verdict = new VerdictSection("undetermined", "too few levels"),
    };

    [Fact]
    public void Doubles_round_trip_exactly_and_non_finite_numbers_become_null()
    {
        var values = new[] { 0.1 + 0.2, 1.0 / 3, 5e-324, 1.7976931348623157e308 };
        var json = JsonReportWriter.Write(Doc(Math.PI, values));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(values, root.GetProperty("spectrum").GetProperty("eigenvalues").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(Math.PI, root.GetProperty("power_law").GetProperty("alpha").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("power_law").GetProperty("ci_low").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("power_law").GetProperty("ci_high").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("spacing_ratio").ValueKind);
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
    }

    [Fact]
    public void Keys_come_in_the_documented_order_and_the_output_is_stable()
    {
        var a = JsonReportWriter.Write(Doc(0.5, new[] { 1.0, 2.0, 3.0 }));
        Assert.Equal(a, JsonReportWriter.Write(Doc(0.5, new[] { 1.0, 2.0, 3.0 })));
        using var doc = JsonDocument.Parse(a);
        var keys = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "schema", "tool", "input", "matrix", "backend", "options", "spectrum", "power_law", "spacing_ratio", "spacing_distribution",
            "form_factor", "entropy", "marchenko_pastur", "references", "verdict", "timings" }, keys);
        Assert.Equal(new[] { "name", "library", "version", "threads", "rank_k_update" }, doc.RootElement.GetProperty("backend").EnumerateObject().Select(p => p.Name));
        Assert.Equal("avx512-blocked", doc.RootElement.GetProperty("backend").GetProperty("rank_k_update").GetString());
        var dup = doc.RootElement.GetProperty("input").GetProperty("duplicates");
        Assert.Equal("p#3", dup.GetProperty("examples")[0].GetProperty("duplicate").GetString());
    }

    [Fact]
    public void The_tail_fit_is_written_beside_the_ols_fit()
    {
        var tail = new PowerLawTailSection(0.52, 0.04, 1.66, 0.01, 300, 0.03, 0.42, true);
        var doc = Doc(0.5, new[] { 1.0 }) with { PowerLaw = new PowerLawSection(0.5, 0.99, 0.4, 0.6, 0.02, 11, 200, 1.0, tail) };
        using var json = JsonDocument.Parse(JsonReportWriter.Write(doc));
        var t = json.RootElement.GetProperty("power_law").GetProperty("tail");
        Assert.Equal(0.52, t.GetProperty("implied_alpha").GetDouble());
        Assert.Equal(300, t.GetProperty("tail_count").GetInt32());
        Assert.True(t.GetProperty("agrees_with_ols").GetBoolean());
        using var none = JsonDocument.Parse(JsonReportWriter.Write(Doc(0.5, new[] { 1.0 })));
        Assert.Equal(JsonValueKind.Null, none.RootElement.GetProperty("power_law").GetProperty("tail").ValueKind);
    }

    [Fact]
    public void The_matrix_section_flags_fewer_samples_than_features_and_counts_dropped_rows()
    {
        var doc = Doc(0.5, new[] { 1.0 }) with { Matrix = new MatrixSection("covariance", "gram", 12, 40, true, false, 0, DroppedRows: 3) };
        using var json = JsonDocument.Parse(JsonReportWriter.Write(doc));
        var m = json.RootElement.GetProperty("matrix");
        Assert.True(m.GetProperty("fewer_samples_than_features").GetBoolean());
        Assert.Equal(3, m.GetProperty("dropped_rows").GetInt64());
        using var more = JsonDocument.Parse(JsonReportWriter.Write(Doc(0.5, new[] { 1.0 })));
        Assert.False(more.RootElement.GetProperty("matrix").GetProperty("fewer_samples_than_features").GetBoolean());
    }
}
