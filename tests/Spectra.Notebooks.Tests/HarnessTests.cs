namespace Spectra.Notebooks.Tests;

/// <summary>The notebook harness itself: state carries across cells, directives are dropped, failures name the cell, outputs round-trip.</summary>
public sealed class HarnessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spectra-harness-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(params (string Kind, string Source)[] cells)
    {
        var path = Path.Combine(_folder, "test.ipynb");
        var json = new
        {
            cells = cells.Select(c => c.Kind == "md"
                ? (object)new { cell_type = "markdown", metadata = new { }, source = NotebookFile.Lines(c.Source).Select(n => (string)n!).ToArray() }
                : new { cell_type = "code", execution_count = (int?)null, metadata = new { }, outputs = Array.Empty<object>(), source = NotebookFile.Lines(c.Source).Select(n => (string)n!).ToArray() }),
            metadata = new { },
            nbformat = 4,
            nbformat_minor = 5,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(json));
        return path;
    }

    [Fact]
    public void Cells_share_state_directives_are_dropped_and_outputs_are_recorded_in_order()
    {
        var path = Write(
            ("code", "#r \"nuget: Spectra, 0.1.0\"\n#i \"nuget: ../artifacts\"\nusing Spectra;\nvar n = 3;"),
            ("md", "text"),
            ("code", "Console.WriteLine(\"before\");\ndisplay(Dataset.FromArray(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } }).Spectrum());\nConsole.WriteLine(System.IO.Directory.GetCurrentDirectory());\nn * 2"));
        var runs = NotebookRunner.Run(NotebookFile.Load(path));
        Assert.Equal(2, runs.Count);
        var outputs = runs[1].Outputs;
        Assert.Equal(new[] { "stream", "display_data", "stream", "execute_result" }, outputs.Select(o => o.Kind));
        Assert.Equal("before\n", outputs[0].Text);
        Assert.Contains("<svg", outputs[1].Html);
        Assert.Equal(_folder + "\n", outputs[2].Text);
        Assert.Equal(6, outputs[3].Value);

        OutputWriter.Write(NotebookFile.Load(path), runs);
        var written = NotebookFile.Load(path);
        Assert.Equal(4, written.StoredOutputs(2).Count);
        Assert.Contains("<svg", NotebookFile.Text(written.StoredOutputs(2)[1]!["data"]!["text/html"]));
        Assert.Equal("6", NotebookFile.Text(written.StoredOutputs(2)[3]!["data"]!["text/plain"]));
        Assert.Equal(NotebookFile.SourceHash(runs[1].Cell.Source), written.StoredOutputsOf(2));
    }

    [Fact]
    public void A_cell_that_throws_fails_the_run_naming_the_cell()
    {
        var path = Write(("code", "var x = 1;"), ("code", "using Spectra;\nDataset.Load(\"no-such-folder\").Spectrum();"));
        var e = Assert.Throws<NotebookCellException>(() => NotebookRunner.Run(NotebookFile.Load(path)));
        Assert.Contains("cell 1", e.Message);
        Assert.IsType<SpectraException>(e.InnerException);
    }

    [Fact]
    public void A_cell_that_does_not_compile_fails_the_run()
    {
        var path = Write(("code", "var y = undefinedName + 1;"));
        var e = Assert.Throws<NotebookCellException>(() => NotebookRunner.Run(NotebookFile.Load(path)));
        Assert.Contains("undefinedName", e.Message);
        Assert.Contains("cell 0", e.Message);
    }

    [Fact]
    public void ToString_of_the_fluent_results_is_one_short_line()
    {
        var data = Dataset.Synthetic.Cgd(30, 300, 1.0, seed: 4);
        foreach (var value in new object[] { data, data.Spectrum(), data.Analyze(a => a.SffRealisations(2)) })
        {
            var text = value.ToString()!;
            Assert.DoesNotContain('\n', text);
            Assert.InRange(text.Length, 10, 300);
        }
    }
}
