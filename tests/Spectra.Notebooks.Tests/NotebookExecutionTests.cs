using Spectra.Fluent;
using Spectra.Reports;
using Spectra.Reports.Document;
using Xunit.Abstractions;

namespace Spectra.Notebooks.Tests;

/// <summary>
/// Executes every notebook in notebooks/ cell by cell against the built library and fails on the
/// first cell that does not compile or throws. Every displayed report must render with its charts
/// (an SVG per chart the report has, each with drawn paths). With SPECTRA_NOTEBOOK_OUTPUTS=write the
/// run's outputs are written back into the .ipynb files (how the committed outputs are made).
/// </summary>
public sealed class NotebookExecutionTests(ITestOutputHelper output)
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_and_every_report_renders_with_its_charts(string name)
    {
        var notebook = NotebookFile.Load(RepositoryPaths.Notebook(name));
        var runs = NotebookRunner.Run(notebook);
        Assert.NotEmpty(runs);
        foreach (var run in runs)
        {
            output.WriteLine($"cell {run.Cell.Index}: {run.Elapsed.TotalSeconds:F2} s, {run.Outputs.Count} output(s)");
            foreach (var o in run.Outputs)
                if (o.Value is not null) AssertRendersWithCharts(name, run.Cell, o);
        }
        Assert.Contains(runs, r => r.Outputs.Any(o => o.Html is not null && o.Html.Contains("<svg", StringComparison.Ordinal)));

        if (Environment.GetEnvironmentVariable("SPECTRA_NOTEBOOK_OUTPUTS") == "write")
            OutputWriter.Write(notebook, runs);
        else
            AssertCommittedOutputs(name, notebook, runs);
    }

    /// <summary>
    /// Notebooks that use ../shared/conformance degrade without it: run from a copy of notebooks/ whose
    /// parent has data-samples/ but no shared/ beside it, every cell still succeeds.
    /// </summary>
    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_without_the_shared_conformance_files(string name)
    {
        var source = RepositoryPaths.Notebook(name);
        if (!File.ReadAllText(source).Contains("shared", StringComparison.Ordinal)) return; // nothing to degrade
        var root = Directory.CreateTempSubdirectory("spectra-noshared-");
        try
        {
            var repo = Directory.CreateDirectory(Path.Combine(root.FullName, "repo"));
            var notebooks = Directory.CreateDirectory(Path.Combine(repo.FullName, "notebooks"));
            Directory.CreateSymbolicLink(Path.Combine(repo.FullName, "data-samples"), RepositoryPaths.DataSamples);
            var copy = Path.Combine(notebooks.FullName, name);
            File.Copy(source, copy);
            Assert.False(Directory.Exists(Path.Combine(root.FullName, "shared")));
            var runs = NotebookRunner.Run(NotebookFile.Load(copy));
            Assert.Contains(runs, r => r.Outputs.Any(o => o.Html?.Contains("<svg", StringComparison.Ordinal) == true));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_loads_the_published_library(string name)
    {
        // A relative #i package source fails in the kernel ("Invalid URI") and a re-packed 0.1.0 is
        // never picked up from the NuGet cache; the published assembly has neither problem (notebooks/README.md).
        var first = NotebookFile.Load(RepositoryPaths.Notebook(name)).CodeCells().First();
        Assert.StartsWith("#r \"../artifacts/spectra/Spectra.dll\"\n", first.Source.Replace("\r\n", "\n"));
        Assert.DoesNotContain("#i ", first.Source);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_cell_has_a_unique_id(string name)
    {
        // nbformat 4.5 requires cell ids (1–64 of [A-Za-z0-9_-], unique in the notebook).
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryPaths.Notebook(name)))!;
        Assert.True((int)root["nbformat"]! > 4 || (int)root["nbformat_minor"]! >= 5, $"{name}: nbformat older than 4.5");
        var ids = root["cells"]!.AsArray().Select(c => (string?)c!["id"]).ToList();
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_-]{1,64}$", id ?? ""));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    /// <summary>A report's HTML holds one drawn SVG chart per chart the report has; other Spectra results render as HTML too.</summary>
    private static void AssertRendersWithCharts(string name, NotebookCell cell, CellOutput o)
    {
        var where = $"{name}, cell {cell.Index} ({o.Value!.GetType().Name})";
        var expectedCharts = o.Value switch
        {
            DatasetAnalysis a => ReportCharts.All(a.Document).Count,
            ReportDocument d => ReportCharts.All(d).Count,
            DatasetCheck c => ReportCharts.All(c.Analysis.Document).Count,
            DatasetSpectrum or DatasetBaseline => 1,
            SpectralReport => 1,
            _ => 0,
        };
        if (o.Value.GetType().Namespace?.StartsWith("Spectra", StringComparison.Ordinal) == true && NotebookHtml.CanRender(o.Value))
            Assert.True(o.Html is not null, $"{where}: no text/html rendering was discovered");
        if (expectedCharts == 0) return;
        var charts = DrawnCharts(o.Html!);
        Assert.True(charts >= expectedCharts, $"{where}: {charts} drawn SVG charts, expected at least {expectedCharts}");
    }

    /// <summary>SVG elements that contain at least one path with a non-empty d attribute.</summary>
    public static int DrawnCharts(string html) =>
        Regex.Matches(html, "<svg[^>]*>(.*?)</svg>", RegexOptions.Singleline)
            .Count(m => Regex.IsMatch(m.Groups[1].Value, "<path[^>]* d=\"M[^\"]+\""));

    /// <summary>The committed file keeps the outputs of every cell that shows something, so it reads well unexecuted.</summary>
    private static void AssertCommittedOutputs(string name, NotebookFile notebook, IReadOnlyList<CellRun> runs)
    {
        foreach (var run in runs.Where(r => r.Outputs.Count > 0))
        {
            var stored = notebook.StoredOutputs(run.Cell.Index);
            Assert.True(stored.Count > 0, $"{name}, cell {run.Cell.Index} shows output when run but the committed notebook has none; run the tests with SPECTRA_NOTEBOOK_OUTPUTS=write");
            Assert.True(notebook.StoredOutputsOf(run.Cell.Index) == NotebookFile.SourceHash(run.Cell.Source),
                $"{name}, cell {run.Cell.Index}: the committed outputs were made from another version of the cell; run the tests with SPECTRA_NOTEBOOK_OUTPUTS=write");
            if (run.Outputs.Any(o => o.Html?.Contains("<svg", StringComparison.Ordinal) == true))
                Assert.Contains(stored, s => NotebookFile.Text(s?["data"]?["text/html"]).Contains("<svg", StringComparison.Ordinal));
        }
    }
}
