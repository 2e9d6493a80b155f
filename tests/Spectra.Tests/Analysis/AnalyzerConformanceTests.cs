using System.Collections;

namespace Spectra.Tests.Analysis;

/// <summary>
/// One fixture over every analyzer: the same edge cases through <see cref="SpectralAnalysis.Run"/>,
/// checking statuses, determinism and that no numeric field anywhere in the report is NaN or infinite.
/// </summary>
public class AnalyzerConformanceTests
{
    private static readonly AnalysisOptions Fast = AnalysisOptions.Default with
    {
        PowerLaw = PowerLawOptions.Default with { BootstrapSamples = 100, TailBootstrapSamples = 10 },
        FiniteSize = FiniteSizeOptions.Default with { Draws = 4 },
        Seed = 5,
    };

    public static TheoryData<string> Cases => new() { "empty", "one", "tiny", "small", "ties", "all-equal", "zero-modes", "goe", "power-law", "poisson", "two-values", "huge-range", "not-psd", "clustered" };

    private static EigenSpectrum Make(string name) => name switch
    {
        "empty" => new EigenSpectrum(Array.Empty<double>()),
        "one" => new EigenSpectrum(new[] { 2.0 }),
        "tiny" => new EigenSpectrum(new[] { 1.0, 2.0, 3.5, 4.0, 7.0 }),
        "small" => new EigenSpectrum(Enumerable.Range(1, 25).Select(i => 1.0 / i + 0.01 * Math.Sin(i))),
        "ties" => new EigenSpectrum(Enumerable.Range(1, 300).Select(i => Math.Round(100.0 / i, 1))),
        "all-equal" => new EigenSpectrum(Enumerable.Repeat(3.0, 200)),
        "zero-modes" => new EigenSpectrum(Enumerable.Repeat(0.0, 100).Concat(Enumerable.Range(1, 200).Select(i => Math.Pow(i, -1.5)))),
        "goe" => TestSpectra.ShiftedGoe(400, 3),
        "power-law" => TestSpectra.PowerLaw(400, 0.7),
        "poisson" => TestSpectra.Poisson(400, 4),
        "two-values" => new EigenSpectrum(Enumerable.Repeat(1.0, 60).Concat(Enumerable.Repeat(2.0, 60))),
        "huge-range" => new EigenSpectrum(Enumerable.Range(0, 300).Select(i => Math.Pow(10, -150 + i))),
        "not-psd" => new EigenSpectrum(Enumerable.Range(-100, 300).Select(i => i + 0.5 * Math.Sin(i))),
        "clustered" => new EigenSpectrum(Enumerable.Range(0, 300).Select(i => 1 + (i % 3) * 1e-13 + i / 3)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_NaN_or_infinity_in_any_field(string name)
    {
        var report = SpectralAnalysis.Run(Make(name), Fast);
        var bad = new List<string>();
        Walk(report, "report", bad, new HashSet<object>(ReferenceEqualityComparer.Instance));
        Assert.Empty(bad);
        Assert.All(report.Headline(), m => Assert.True(double.IsFinite(m.Value) && (m.Spread is null || double.IsFinite(m.Spread.Value)), m.Key));
        // The report serialises with the strict default (which throws on NaN and infinity).
        Assert.NotEmpty(JsonSerializer.Serialize(report));
    }

    [Theory]
    [InlineData(Spectra.Spectrum.Unfolding.UnfoldingMethod.GaussianKernel, "power-law")]
    [InlineData(Spectra.Spectrum.Unfolding.UnfoldingMethod.GaussianKernel, "ties")]
    [InlineData(Spectra.Spectrum.Unfolding.UnfoldingMethod.PolynomialLambda, "goe")]
    [InlineData(Spectra.Spectrum.Unfolding.UnfoldingMethod.PolynomialLambda, "not-psd")]
    public void Every_unfolding_method_runs_through_the_whole_pipeline(Spectra.Spectrum.Unfolding.UnfoldingMethod method, string name)
    {
        var options = Fast with { Unfolding = Spectra.Spectrum.Unfolding.UnfoldingOptions.Default with { Method = method } };
        var report = SpectralAnalysis.Run(Make(name), options);
        var bad = new List<string>();
        Walk(report, "report", bad, new HashSet<object>(ReferenceEqualityComparer.Instance));
        Assert.Empty(bad);
        Assert.Equal(method, report.SpacingDistribution.Value!.Unfolding.Method);
        Assert.NotNull(report.References.FiniteSize);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Same_seed_gives_identical_output(string name)
    {
        var a = JsonSerializer.Serialize(WithoutTimings(SpectralAnalysis.Run(Make(name), Fast)));
        var b = JsonSerializer.Serialize(WithoutTimings(SpectralAnalysis.Run(Make(name), Fast with { FiniteSize = Fast.FiniteSize with { Parallel = false } })));
        Assert.Equal(a, b.Replace("\"Parallel\":false", "\"Parallel\":true"));
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("one")]
    [InlineData("tiny")]
    public void Tiny_spectra_give_a_clear_not_enough_levels_result(string name)
    {
        var report = SpectralAnalysis.Run(Make(name), Fast);
        foreach (var (status, message) in new[]
        {
            (report.SpacingRatio.Status, report.SpacingRatio.Message),
            (report.SpacingDistribution.Status, report.SpacingDistribution.Message),
            (report.PowerLaw.Status, report.PowerLaw.Message),
            (report.FormFactor.Status, report.FormFactor.Message),
        })
        {
            Assert.Equal(AnalysisStatus.NotEnoughLevels, status);
            Assert.Contains("needs at least", message);
        }
        Assert.Equal(Verdict.Undetermined, report.Verdict.Class);
        Assert.Null(report.References.FiniteSize);
    }

    [Fact]
    public void Report_maps_to_snake_case_JSON_with_named_enums()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        var json = JsonSerializer.Serialize(SpectralAnalysis.Run(Make("goe"), Fast), options);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("ok", root.GetProperty("spacing_ratio").GetProperty("status").GetString());
        Assert.True(root.GetProperty("spacing_ratio").GetProperty("value").GetProperty("mean").GetDouble() > 0.4);
        Assert.Equal("polynomial_log_lambda", root.GetProperty("options").GetProperty("unfolding").GetProperty("method").GetString());
        Assert.Equal(4, root.GetProperty("references").GetProperty("finite_size").GetProperty("draws").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("verdict").GetProperty("class").GetString()));
    }

    [Fact]
    public void All_equal_levels_are_not_applicable_not_a_crash()
    {
        var report = SpectralAnalysis.Run(Make("all-equal"), Fast);
        Assert.Equal(AnalysisStatus.NotApplicable, report.SpacingDistribution.Status);
        Assert.Equal(AnalysisStatus.NotEnoughLevels, report.SpacingRatio.Status);
        Assert.Equal(1.0, report.Entropy.Value!.All.Normalized, 12);
    }

    [Fact]
    public void Zero_modes_are_counted_and_left_out()
    {
        var report = SpectralAnalysis.Run(Make("zero-modes"), Fast);
        Assert.Equal(100, report.Spectrum.ZeroModes);
        Assert.Equal(200, report.Spectrum.NonZero);
        Assert.Equal(0.5, report.PowerLaw.Value!.Alpha, 10);
    }

    [Fact]
    public void Skipped_analyzers_say_so()
    {
        var report = SpectralAnalysis.Run(Make("goe"), Fast with { Skip = new[] { "form_factor", "power_law" } });
        Assert.Equal(AnalysisStatus.Skipped, report.FormFactor.Status);
        Assert.Equal(AnalysisStatus.Skipped, report.PowerLaw.Status);
        Assert.Equal(AnalysisStatus.Ok, report.SpacingRatio.Status);
    }

    private static SpectralReport WithoutTimings(SpectralReport r) => r with { TimingsMs = new Dictionary<string, double>() };

    private static void Walk(object? value, string path, List<string> bad, HashSet<object> seen)
    {
        switch (value)
        {
            case null:
                return;
            case double d:
                if (!double.IsFinite(d)) bad.Add($"{path} = {d}");
                return;
            case float f:
                if (!float.IsFinite(f)) bad.Add($"{path} = {f}");
                return;
            case string or bool or int or long or Enum:
                return;
            case IDictionary dict:
                foreach (DictionaryEntry e in dict) Walk(e.Value, $"{path}[{e.Key}]", bad, seen);
                return;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list) Walk(item, $"{path}[{i++}]", bad, seen);
                return;
        }
        if (!seen.Add(value)) return;
        foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0) continue;
            Walk(p.GetValue(value), path + "." + p.Name, bad, seen);
        }
    }
}
