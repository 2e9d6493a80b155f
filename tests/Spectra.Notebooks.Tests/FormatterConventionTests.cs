using System.Globalization;
using System.Reflection;

namespace Spectra.Notebooks.Tests;

/// <summary>
/// Rich display: every result type is found by the kernel's convention (re-done by reflection in
/// <see cref="KernelConvention"/>), renders as scoped HTML with drawn SVG charts carrying the result's
/// own numbers, and as a one-line text summary; the library references no notebook package.
/// </summary>
public sealed class FormatterConventionTests
{
    private static readonly Lazy<DatasetAnalysis> Analysis = new(() =>
        Dataset.Synthetic.Cgd(80, 800, 1.0, seed: 11).Covariance().PerClass().Analyze(a => a.SffRealisations(4)));

    public static TheoryData<string> Values() => new()
    {
        "analysis", "spectrum", "eigen", "document", "report", "power_law", "spacing_ratio", "spacing_distribution",
        "form_factor", "entropy", "marchenko_pastur", "outcome", "chart", "scan",
    };

    private static object Value(string name)
    {
        var a = Analysis.Value;
        return name switch
        {
            "analysis" => a,
            "spectrum" => Dataset.Synthetic.Cgd(80, 800, 1.0, seed: 11).Covariance().Spectrum(),
            "eigen" => a.Spectrum,
            "document" => a.Document,
            "report" => a.Report,
            "power_law" => a.Report.PowerLaw.Value!,
            "spacing_ratio" => a.Report.SpacingRatio.Value!,
            "spacing_distribution" => a.Report.SpacingDistribution.Value!,
            "form_factor" => a.Report.FormFactor.Value!,
            "entropy" => a.Report.Entropy.Value!,
            "marchenko_pastur" => a.Report.MarchenkoPastur.Value!,
            "outcome" => a.Report.SpacingRatio,
            "scan" => Dataset.Synthetic.Cgd(40, 320, 1.0, seed: 3).Covariance().SampleSizeScan(),
            _ => NotebookChart.Lines("t", "x", "y", new[] { ("s", new[] { (1.0, 2.0), (2.0, 3.0) }.AsEnumerable()) }),
        };
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void The_kernel_convention_finds_html_and_text_formatters(string name)
    {
        var value = Value(name);
        Assert.Contains("text/html", KernelConvention.PreferredMimeTypes(value.GetType()));
        // The kernel emits only the preferred types; text/plain must be among them for a viewer without HTML.
        Assert.Contains("text/plain", KernelConvention.PreferredMimeTypes(value.GetType()));
        var html = KernelConvention.Format(value, "text/html");
        Assert.NotNull(html);
        Assert.StartsWith("<div class=\"spectra-nb\">", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        var text = KernelConvention.Format(value, "text/plain");
        Assert.NotNull(text);
        Assert.DoesNotContain('\n', text);
        Assert.InRange(text!.Length, 1, 400);
        if (name != "entropy") Assert.True(NotebookExecutionTests.DrawnCharts(html!) >= 1, $"{name}: no drawn chart");
    }

    /// <summary>The scan's notebook view is its study page's body: the M_crit table has one row per headline statistic.</summary>
    [Fact]
    public void Sample_size_scan_renders_the_study_tables_and_charts()
    {
        var scan = Dataset.Synthetic.Cgd(40, 320, 1.0, seed: 3).Covariance().SampleSizeScan();
        var html = scan.ToHtml();
        Assert.Equal(Spectra.Studies.HeadlineStatistics.Names.Count, scan.Scan.Critical.Count);
        foreach (var c in scan.Scan.Critical) Assert.Contains($"<td>{c.Statistic}</td>", html);
        Assert.Equal(scan.Charts.Count, NotebookExecutionTests.DrawnCharts(html));
        Assert.Equal(320, scan.Scan.AvailableSamples);
    }

    [Fact]
    public void A_dataset_shows_its_input_and_options_without_reading_them()
    {
        var opened = 0;
        var dataset = Dataset.FromSource(() => { opened++; throw new InvalidOperationException("read"); }, "lazy source").Gram().PerClass();
        var html = KernelConvention.Format(dataset, "text/html");
        Assert.NotNull(html);
        Assert.Contains("lazy source", html);
        Assert.Contains("gram, per class", html);
        Assert.Contains("text/plain", KernelConvention.PreferredMimeTypes(typeof(Dataset)));
        Assert.Equal(dataset.ToString(), KernelConvention.Format(dataset, "text/plain"));
        Assert.Equal(0, opened);
    }

    [Fact]
    public void A_view_that_cannot_be_drawn_shows_the_summary_instead_of_failing()
    {
        // A chart with no series list makes the SVG writer throw; the cell must still show the value.
        var broken = new NotebookChart(new Spectra.Reports.Charts.Chart("c", "broken chart",
            new Spectra.Reports.Charts.ChartAxis("x"), new Spectra.Reports.Charts.ChartAxis("y"), null!));
        Assert.ThrowsAny<Exception>(() => NotebookHtml.Render(broken));
        var writer = new StringWriter();
        Assert.True(new HtmlNotebookFormatter().Format(broken, writer));
        Assert.Contains("<pre>chart: broken chart</pre>", writer.ToString());
        Assert.Contains("no HTML view", writer.ToString());
        var text = new StringWriter();
        Assert.True(new PlainTextNotebookFormatter().Format(broken, text));
        Assert.Equal("chart: broken chart", text.ToString());
    }

    [Fact]
    public void Formatters_decline_values_they_do_not_know()
    {
        Assert.Null(KernelConvention.Format("plain string", "text/html"));
        Assert.False(new HtmlNotebookFormatter().Format(42, new StringWriter()));
        Assert.False(new PlainTextNotebookFormatter().Format(new object(), new StringWriter()));
    }

    [Fact]
    public void The_library_references_no_notebook_package()
    {
        var references = typeof(Dataset).Assembly.GetReferencedAssemblies().Select(r => r.Name ?? "");
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
    }

    /// <summary>The HTML carries the result's numbers: ⟨r̃⟩ in the table and in the chart legend, and one bar per non-empty histogram bin.</summary>
    [Fact]
    public void Spacing_ratio_html_shows_the_results_own_numbers()
    {
        var r = Analysis.Value.Report.SpacingRatio.Value!;
        var html = System.Net.WebUtility.HtmlDecode(NotebookHtml.Render(r));
        var mean = r.Mean.ToString("F4", CultureInfo.InvariantCulture);
        Assert.Contains($"{mean} ± {r.StandardError.ToString("F4", CultureInfo.InvariantCulture)}", html);
        Assert.Contains($"data ⟨r̃⟩ = {mean}", html);
        var bars = Regex.Match(html, "<path class=\"bars\"[^>]* d=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(r.Histogram.Density.Count(v => v > 0), bars.Count(c => c == 'Z'));
    }

    /// <summary>The analysis renders as the body of the CLI's HTML page, with each of the report's charts drawn.</summary>
    [Fact]
    public void Document_html_is_the_cli_report_body_with_every_chart()
    {
        var a = Analysis.Value;
        var html = a.ToHtml();
        Assert.Equal(Spectra.Reports.ReportCharts.All(a.Document).Count, NotebookExecutionTests.DrawnCharts(html));
        Assert.Contains("id=\"fingerprint\"", html);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<body", html, StringComparison.Ordinal);
    }

    /// <summary>Every url(#id) an SVG uses points at an id defined in the same output, and two different outputs share no id.</summary>
    [Fact]
    public void Chart_ids_are_unique_per_output_and_resolve_within_it()
    {
        var one = Analysis.Value.ToHtml();
        var two = Dataset.Synthetic.Ugd(60, 600, seed: 2).Analyze().ToHtml();
        foreach (var html in new[] { one, two })
        {
            var ids = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
            foreach (Match m in Regex.Matches(html, "url\\(#([^)]+)\\)")) Assert.Contains(m.Groups[1].Value, ids);
        }
        var idsOne = Regex.Matches(one, "<svg[^>]* id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var idsTwo = Regex.Matches(two, "<svg[^>]* id=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
        Assert.DoesNotContain(idsTwo, idsOne.Contains);
        Assert.Equal(one, Analysis.Value.ToHtml());
    }

    [Fact]
    public void Names_are_html_encoded()
    {
        var html = Dataset.FromArray(new double[,] { { 1, 2 }, { 3, 5 }, { 0, 1 } }, "<b>x</b>").Spectrum().ToHtml();
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>x</b>", html);
    }

    [Fact]
    public void An_outcome_without_a_value_says_why()
    {
        var outcome = AnalyzerOutcome<Spectra.Analysis.PowerLaw.PowerLawResult>.NotEnough("power law", 3, 20);
        var html = KernelConvention.Format(outcome, "text/html")!;
        Assert.Contains("NotEnoughLevels", html);
        Assert.Contains("needs at least 20 levels", html);
        Assert.Equal("NotEnoughLevels: power law needs at least 20 levels, the spectrum has 3", KernelConvention.Format(outcome, "text/plain"));
    }

    [Fact]
    public void The_attribute_is_matched_by_name_as_the_kernel_does()
    {
        var attribute = typeof(DatasetAnalysis).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        Assert.NotEqual("Microsoft.DotNet.Interactive.Formatting", attribute.GetType().Namespace);
        var source = attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute) as Type;
        Assert.Equal(typeof(NotebookFormatterSource), source);
        Assert.NotNull(source!.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes));
    }
}
