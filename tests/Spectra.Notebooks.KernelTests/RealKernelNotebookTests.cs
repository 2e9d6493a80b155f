namespace Spectra.Notebooks.KernelTests;

public sealed class RealKernelNotebookTests
{
    [Fact]
    public async Task Quickstart_runs()
    {
        var runs = await KernelNotebookRunner.RunAsync(Path.Combine(RepositoryPaths.Notebooks, "01-quickstart.ipynb"));
        foreach (var r in runs)
        {
            Console.WriteLine($"cell {r.Index}: error={r.Error} out={r.StandardOutput.Length} " + string.Join(" | ", r.Outputs.Select(o => o.Kind + ":" + string.Join(",", o.ByMimeType.Select(kv => kv.Key + "=" + (kv.Key == "text/plain" ? kv.Value : kv.Value.Length.ToString()))))));
        }
        Assert.All(runs, r => Assert.Null(r.Error));
    }
}
