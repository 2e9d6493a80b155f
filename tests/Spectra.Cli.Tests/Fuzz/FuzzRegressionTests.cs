using Spectra.Fuzz;

namespace Spectra.Cli.Tests.Fuzz;

/// <summary>
/// Every input the fuzz tool ever kept (an escape, a slow or a heavy case) is replayed through its
/// family's target under the tool's budgets (5 s, 64 MB): each must now decode or be refused with
/// SpectraException. The folder grows with each finding (tools/fuzz/regressions/README.md).
/// </summary>
public sealed class FuzzRegressionTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Spectra.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("project root (Spectra.sln) not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Every_kept_fuzz_input_is_read_or_refused_within_the_case_budgets()
    {
        var root = Root();
        var folder = Path.Combine(root, "tools", "fuzz", "regressions");
        var (failures, replayed) = Regressions.Replay(folder, root);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Every kept file was replayed: a misnamed one is a failure above, so none is silently passed over.
        Assert.Equal(Directory.EnumerateFiles(folder).Count(f => !f.EndsWith(".md", StringComparison.Ordinal)), replayed);
        Assert.True(replayed >= 4, $"{replayed} kept inputs");
    }
}
