namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// The folder MNIST's test set unpacks into (its images file, its labels file, and a preview folder of 1000 of the
/// images as PNG) is read as the IDX stack with its labels: the same spectrum and the same classes as the images
/// file itself, with the preview passed over and said so.
/// </summary>
public class IdxFolderTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Folder => Conformance.PathOf("datasets", "mnist-t10k");

    private string Run(params string[] arguments)
    {
        var json = _tmp.File(Guid.NewGuid().ToString("N") + ".json");
        var run = Tool.Run(arguments.Concat(["--max-samples", "3000", "--json", json, "-q"]).ToArray());
        Assert.True(run.ExitCode == 0, run.Err);
        return File.ReadAllText(json);
    }

    [ConformanceFact]
    public void The_folder_is_its_idx_stack_with_its_labels()
    {
        var file = Path.Combine(Folder, "t10k-images-idx3-ubyte.gz");
        using var folderReport = JsonDocument.Parse(Run("analyze", Folder));
        using var fileReport = JsonDocument.Parse(Run("analyze", file));
        double[] Eigenvalues(JsonDocument d) => d.RootElement.GetProperty("spectrum").GetProperty("eigenvalues").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(Eigenvalues(fileReport), Eigenvalues(folderReport));
        var notes = folderReport.RootElement.GetProperty("input").GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains(notes, n => n!.Contains("1000 image file(s) beside the IDX image file(s) passed over"));
        Assert.Contains(notes, n => n!.Contains("class labels from t10k-labels-idx1-ubyte.gz"));
        // Per-class spectra need the labels: the folder gives the ten digits the file gives.
        var classes = Run("classes", Folder);
        Assert.Equal(Run("classes", file), classes);
        Assert.Contains("\"9\"", classes);
    }

    [ConformanceFact]
    public void Include_globs_read_the_folder_as_they_say()
    {
        using var report = JsonDocument.Parse(Run("analyze", Folder, "--include", "png-first1000/**"));
        Assert.Equal(1000, report.RootElement.GetProperty("matrix").GetProperty("samples").GetInt32());
    }
}
