namespace Spectra.Notebooks.Tests;

/// <summary>
/// The arrows around the reports point one way: analysis → reports → checks. Analysis names nothing of
/// Reports or Checks, and Reports nothing of Checks (the check's writers live in Checks).
/// </summary>
public sealed class ReportLayerTests
{
    [Theory]
    [InlineData("Analysis", "Spectra.Reports")]
    [InlineData("Analysis", "Spectra.Checks")]
    [InlineData("Reports", "Spectra.Checks")]
    public void A_layer_does_not_name_the_one_above_it(string folder, string above)
    {
        var root = Path.Combine(RepositoryPaths.Root, "src", "Spectra", folder);
        var pattern = new Regex(@"\b" + Regex.Escape(above) + @"\b");
        var offending = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => pattern.IsMatch(l)))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f)).ToList();
        Assert.True(offending.Count == 0, $"{folder} names {above} in: {string.Join(", ", offending)}");
    }
}
