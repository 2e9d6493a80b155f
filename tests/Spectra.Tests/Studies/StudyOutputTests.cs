using Spectra.Studies.Rendering;

namespace Spectra.Tests.Studies;

public class StudyOutputTests
{
    [Fact]
    public void Same_seed_gives_byte_identical_JSON_with_nulls_for_missing_statistics()
    {
        var source = GaussianDataSource.Correlated(400, 50, 0.5, 8);
        var options = new SampleSizeOptions { Seed = 2, Subsets = 2 };
        var a = StudyJson.Write("sample_size", SampleSizeStudy.Run(source, options));
        var b = StudyJson.Write("sample_size", SampleSizeStudy.Run(source, options));
        Assert.Equal(a, b);
        using var json = JsonDocument.Parse(a);
        Assert.Equal("spectra.study/1", json.RootElement.GetProperty("schema").GetString());
        // d/8 = 6 samples: 5 levels, too few for a ratio; the field is null, not NaN.
        var first = json.RootElement.GetProperty("result").GetProperty("points")[0].GetProperty("subsets")[0];
        Assert.Equal(JsonValueKind.Null, first.GetProperty("mean_ratio").ValueKind);
        Assert.DoesNotContain("NaN", a);
    }

    [Fact]
    public void Loading_past_the_memory_limit_is_a_clear_error_before_allocation()
    {
        var source = GaussianDataSource.Uncorrelated(1000, 100, 1);
        var e = Assert.Throws<SpectraException>(() => DataMatrix.Load(source, maxBytes: 100_000));
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
        Assert.Contains("MiB", e.Message);
        Assert.Equal(source.Header.Path, e.File);
        var ok = DataMatrix.Load(source, maxBytes: 800_000);
        Assert.Equal(1000, ok.Rows);
        Assert.Equal(source.ToRowMajor(), ok.Values);
    }

    [Fact]
    public void Scan_charts_have_one_panel_per_statistic_with_the_references()
    {
        var result = SampleSizeStudy.Run(GaussianDataSource.Correlated(800, 50, 0.5, 9), new SampleSizeOptions { Subsets = 2 });
        var charts = ScanCharts.All(result);
        Assert.Equal(4, charts.Count);
        Assert.Contains(charts[0].Series, s => s.Name == "GOE 0.5307");
        Assert.All(charts, c => Assert.Contains(c.Series, s => s.Name == "M = d"));
        var html = StudyTables.Html(StudyTables.Of(result), charts);
        Assert.Equal(4, html.Split("<svg").Length - 1);
        Assert.Contains("M_crit per statistic", html);
    }
}
