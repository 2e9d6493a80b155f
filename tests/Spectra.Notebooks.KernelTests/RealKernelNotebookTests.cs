namespace Spectra.Notebooks.KernelTests;

/// <summary>
/// Every notebook, unchanged, in the .NET Interactive C# kernel: its first cell loads the library from
/// artifacts/spectra as a user's does, no cell may fail, and each Spectra value must come out as its HTML
/// view with a text/plain summary beside it and the same drawn charts as the committed outputs.
/// </summary>
public sealed class RealKernelNotebookTests
{
    public static TheoryData<string> Notebooks() =>
        new(Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_in_the_kernel_and_renders_its_views(string name)
    {
        Assert.True(File.Exists(RepositoryPaths.PublishedLibrary), $"{RepositoryPaths.PublishedLibrary} is missing; building this test project publishes it");
        var path = Path.Combine(RepositoryPaths.Notebooks, name);
        var runs = await KernelNotebookRunner.RunAsync(path);
        var committed = CommittedOutputs.Html(path);

        Assert.NotEmpty(runs);
        foreach (var run in runs)
            Assert.True(run.Error is null, $"{name}, cell {run.Index} failed in the kernel:\n{run.Error}\n--- source ---\n{run.Source}");

        var views = 0;
        foreach (var run in runs)
        {
            var where = $"{name}, cell {run.Index}";
            var kernelViews = run.Outputs
                .Where(o => o.ByMimeType.TryGetValue("text/html", out var h) && CommittedOutputs.IsSpectraView(h))
                .ToList();
            foreach (var o in kernelViews)
                Assert.True(o.ByMimeType.TryGetValue("text/plain", out var plain) && plain.Length > 0, $"{where}: a Spectra view without its text/plain summary");

            var expected = committed.TryGetValue(run.Index, out var c) ? c.Where(CommittedOutputs.IsSpectraView).ToList() : new List<string>();
            Assert.True(kernelViews.Count == expected.Count,
                $"{where}: the kernel showed {kernelViews.Count} Spectra views, the committed outputs hold {expected.Count}");
            for (var i = 0; i < expected.Count; i++)
            {
                var drawn = CommittedOutputs.DrawnCharts(kernelViews[i].ByMimeType["text/html"]);
                var want = CommittedOutputs.DrawnCharts(expected[i]);
                Assert.True(drawn == want, $"{where}, view {i + 1}: the kernel drew {drawn} charts, the committed output {want}");
            }
            views += kernelViews.Count;
        }
        Assert.True(views > 0, $"{name} showed no Spectra view in the kernel");
    }
}
