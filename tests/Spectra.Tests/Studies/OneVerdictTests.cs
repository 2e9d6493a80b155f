using Spectra.Fluent;
using Spectra.Studies.PerClass;

namespace Spectra.Tests.Studies;

/// <summary>
/// One question, one answer: a class row of the per-class study (and of the notebook API) carries the
/// verdict the analysis of that class's own data gives, the pooled row and the scan's full-data point
/// the verdict of the whole data.
/// </summary>
public class OneVerdictTests(ITestOutputHelper output)
{
    private static readonly string Digits = Path.Combine(Conformance.ProjectRoot, "data-samples", "digits");
    private static readonly string Embeddings = Path.Combine(Conformance.ProjectRoot, "data-samples", "embeddings", "embeddings.parquet");

    /// <summary>Equal up to rounding: a class spectrum accumulated beside the others may differ from its own run in the last bits.</summary>
    private void AssertSame(Verdict alone, Verdict row, string label)
    {
        output.WriteLine($"{label}: alone {alone.Class} (z_GOE {alone.ZGoe:F3}, z_Poisson {alone.ZPoisson:F3}); row {row.Class} (z_GOE {row.ZGoe:F3}, z_Poisson {row.ZPoisson:F3})");
        Assert.Equal(alone.Class, row.Class);
        Assert.Equal(alone.Basis, row.Basis);
        foreach (var (a, b) in new[] { (alone.ZGoe, row.ZGoe), (alone.ZPoisson, row.ZPoisson), (alone.Position, row.Position) })
        {
            Assert.Equal(a.HasValue, b.HasValue);
            if (a is { } x && b is { } y) Assert.True(Math.Abs(x - y) <= 1e-8 * Math.Max(1, Math.Abs(x)), $"{label}: {x} vs {y}");
        }
    }

    [Fact]
    public void Each_digit_class_reads_as_the_analysis_of_its_own_folder()
    {
        var study = PerClassStudy.Run(Dataset.Load(Digits).Open(),
            new PerClassOptions { Analysis = ReportBuilder.AnalysisOptionsFor(new ReportSettings()) });
        var notebook = Dataset.Load(Digits).PerClass().Analyze();
        Assert.Equal(10, study.Classes.Count);
        foreach (var row in study.Classes)
        {
            var alone = Dataset.Load(Path.Combine(Digits, row.Label)).Analyze().Report.Verdict;
            AssertSame(alone, row.Verdict, row.Label);
            AssertSame(alone, notebook.Classes![row.Label].Verdict, row.Label + " (notebook)");
        }
        AssertSame(notebook.Report.Verdict, study.Pooled.Verdict, PerClassStudy.PooledLabel);
        // The data-samples digits hold both readings, so the comparison above is not between constants.
        Assert.True(study.Classes.Select(c => c.Verdict.Class).Distinct().Count() >= 2);
    }

    [Fact]
    public void Pooled_embeddings_read_as_their_analysis()
    {
        var data = Dataset.Load(Embeddings, o => o.ListColumn("embedding").LabelColumn("label"));
        var study = PerClassStudy.Run(data.Open(), new PerClassOptions { Analysis = ReportBuilder.AnalysisOptionsFor(new ReportSettings()) });
        AssertSame(data.Analyze().Report.Verdict, study.Pooled.Verdict, PerClassStudy.PooledLabel);
    }

    [Fact]
    public void The_scans_full_data_point_reads_as_the_analysis()
    {
        var scan = SampleSizeStudy.Run(Dataset.Load(Digits).Open(),
            new SampleSizeOptions { Subsets = 1, Analysis = ReportBuilder.AnalysisOptionsFor(new ReportSettings()) });
        var full = scan.Points[^1];
        Assert.True(full.FullData);
        AssertSame(Dataset.Load(Digits).Analyze().Report.Verdict, Assert.Single(full.Verdicts), "full data");
        Assert.All(scan.Points, p => Assert.Equal(p.Subsets.Count, p.Verdicts.Count));
    }
}
