namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// `--label-pattern`: the bundled digits flattened into one folder, the class in each name
/// (<c>3/0040.png</c> → <c>3_0040_label3.png</c>, so the walk meets the files in the same order), give
/// `spectra classes` the same result as the class subfolders do; a name that does not match, a pattern
/// without exactly one group and a pattern on input without file names are each one clear error.
/// </summary>
public class LabelPatternTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Digits => Path.Combine(Conformance.ProjectRoot, "data-samples", "digits");

    private string Flattened()
    {
        var flat = Directory.CreateDirectory(_tmp.File("flat")).FullName;
        foreach (var dir in Directory.GetDirectories(Digits))
            foreach (var file in Directory.GetFiles(dir, "*.png"))
            {
                var label = Path.GetFileName(dir);
                File.Copy(file, Path.Combine(flat, $"{label}_{Path.GetFileNameWithoutExtension(file)}_label{label}.png"));
            }
        return flat;
    }

    [Fact]
    public void Labels_from_file_names_give_the_classes_subfolders_give()
    {
        var (byName, byFolder) = (_tmp.File("name.json"), _tmp.File("folder.json"));
        var run = Tool.Run("classes", Flattened(), "--label-pattern", @"_label(\d+)", "--json", byName, "-q");
        Assert.True(run.ExitCode == 0, run.Err);
        run = Tool.Run("classes", Digits, "--json", byFolder, "-q");
        Assert.True(run.ExitCode == 0, run.Err);
        var result = File.ReadAllText(byName);
        Assert.Contains("\"7\"", result);
        Assert.Equal(File.ReadAllText(byFolder), result);
    }

    [Fact]
    public void A_file_without_a_label_is_named()
    {
        var flat = Flattened();
        File.Copy(Path.Combine(flat, "0_0000_label0.png"), Path.Combine(flat, "stray.png"));
        var run = Tool.Run("analyze", flat, "--label-pattern", @"_label(\d+)", "-q");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("'stray.png' does not match --label-pattern", run.Err);
        Assert.Contains("--exclude", run.Err);
    }

    [Theory]
    [InlineData(@"_label\d+", "has 0 groups")]
    [InlineData(@"(_)label(\d+)", "has 2 groups")]
    [InlineData(@"_label(\d+", "is not a regular expression")]
    public void A_pattern_needs_exactly_one_group(string pattern, string message)
    {
        var run = Tool.Run("analyze", Digits, "--label-pattern", pattern, "-q");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(message, run.Err);
        Assert.Contains("--label-pattern", run.Err);
    }

    [ConformanceFact]
    public void A_pattern_does_not_apply_to_a_parquet_table()
    {
        var run = Tool.Run("analyze", Conformance.PathOf("parquet", "generated", "duckdb_main_zstd_v1.parquet"), "--label-pattern", "(x)", "-q");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("--label-pattern does not apply to parquet input", run.Err);
    }
}
