using Spectra.Checks;
using Spectra.Data.Synthetic;

namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>The study commands end to end, on NPY stacks of 8 × 8 "images" (64 features).</summary>
public class StudyCommandTests
{
    private const int M = 1024, Side = 8, D = Side * Side;

    private static string Cgd(TempFolder dir, string name, double alpha, int seed)
    {
        var path = dir.File(name);
        NpyWriter.Write(path, GaussianDataSource.Correlated(M, D, alpha, seed).ToRowMajor(), new long[] { M, Side, Side });
        return path;
    }

    [Fact]
    public void Scan_writes_JSON_with_M_crit_and_an_HTML_page_with_charts()
    {
        using var dir = new TempFolder();
        var data = Cgd(dir, "cgd.npy", 0.5, 1);
        var run = Tool.Run("scan", data, "--json", dir.File("scan.json"), "--html", dir.File("scan.html"), "--subsets", "2");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("M_crit per statistic", run.Out);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("scan.json")));
        var result = json.RootElement.GetProperty("result");
        Assert.Equal("sample_size", json.RootElement.GetProperty("study").GetString());
        Assert.Equal(D, result.GetProperty("features").GetInt32());
        // d/8 … 16 d: 8, 16, …, 1024 (= every row).
        Assert.Equal(new[] { 8, 16, 32, 64, 128, 256, 512, 1024 }, result.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("samples").GetInt32()));
        Assert.Equal(4, result.GetProperty("critical").GetArrayLength());
        var html = File.ReadAllText(dir.File("scan.html"));
        Assert.Equal(4, html.Split("<svg").Length - 1);
    }

    [Fact]
    public void Compare_exits_zero_for_two_seeds_and_one_for_different_alpha()
    {
        using var dir = new TempFolder();
        var a = Cgd(dir, "a.npy", 0.5, 1);
        var b = Cgd(dir, "b.npy", 0.5, 2);
        var c = Cgd(dir, "c.npy", 1.5, 3);
        var same = Tool.Run("compare", a, b, "-q");
        Assert.True(same.ExitCode == 0, same.Out + same.Err);
        var different = Tool.Run("compare", a, c, "--json", dir.File("cmp.json"), "-q");
        Assert.Equal(1, different.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("cmp.json")));
        Assert.True(json.RootElement.GetProperty("result").GetProperty("different").GetBoolean());
    }

    [Fact]
    public void Compare_reads_reports_written_by_analyze()
    {
        using var dir = new TempFolder();
        var a = Cgd(dir, "a.npy", 0.5, 1);
        var analyze = Tool.Run("analyze", a, "--json", dir.File("a.json"), "-q");
        Assert.True(analyze.ExitCode == 0, analyze.Err);
        var run = Tool.Run("compare", dir.File("a.json"), a);
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.Contains("(report)", run.Out);
        Assert.Contains("no difference", run.Out);
    }

    [Fact]
    public void Single_image_on_separable_images_refuses_with_not_enough_levels()
    {
        using var dir = new TempFolder();
        var x = new double[3 * D];
        for (var i = 0; i < 3; i++)
            for (var y = 0; y < Side; y++)
                for (var c = 0; c < Side; c++) x[i * D + y * Side + c] = (y + 1) * (c + 2) * (i + 1) / 200.0;
        var path = dir.File("rank1.npy");
        NpyWriter.Write(path, x, new long[] { 3, Side, Side });
        var run = Tool.Run("single-image", path);
        Assert.Equal(ExitCodes.CouldNotCompute, run.ExitCode);
        Assert.Contains("not enough levels", run.Err);
    }

    [Fact]
    public void Attribute_and_surrogates_run_and_bad_ranks_are_clear_errors()
    {
        using var dir = new TempFolder();
        var a = Cgd(dir, "a.npy", 1.0, 4);
        var attribute = Tool.Run("attribute", a, "--components", "2", "--top", "3", "--json", dir.File("attr.json"));
        Assert.True(attribute.ExitCode == 0, attribute.Err);
        using (var json = JsonDocument.Parse(File.ReadAllText(dir.File("attr.json"))))
        {
            // Diagonal CGD: the top eigenvector sits on the first pixel, the largest population variance.
            var first = json.RootElement.GetProperty("result").GetProperty("components")[0];
            Assert.Equal(0, first.GetProperty("top_features")[0].GetProperty("index").GetInt32());
        }
        var bad = Tool.Run("attribute", a, "--ranks", "x-3");
        Assert.Equal(ExitCodes.CouldNotCompute, bad.ExitCode);
        Assert.Contains("--ranks", bad.Err);
        var surrogates = Tool.Run("surrogates", a, "--draws", "2", "--kinds", "column-shuffled");
        Assert.True(surrogates.ExitCode == 0, surrogates.Err);
        Assert.Contains("column_shuffled", surrogates.Out);
    }
}

/// <summary>`spectra classes` on an image folder whose subfolders are the classes.</summary>
public class ClassesCommandTests
{
    private const int Side = 20, D = Side * Side, PerClass = 500;

    /// <summary>
    /// Class "left" varies only in the left half of each image, class "right" only in the right half
    /// (8-bit PGM, the other half a constant grey equal to the varying half's mean, so the class means
    /// agree and no rank-one term couples the two): pooled, their spectra superpose without repelling.
    /// </summary>
    private static void WriteFolder(string root)
    {
        foreach (var (label, left, seed) in new[] { ("left", true, 1), ("right", false, 2) })
        {
            var dir = Path.Combine(root, label);
            Directory.CreateDirectory(dir);
            var x = Spectra.Data.Synthetic.GaussianDataSource.Correlated(PerClass, D / 2, 0.5, seed).ToRowMajor();
            for (var i = 0; i < PerClass; i++)
            {
                var pixels = Enumerable.Repeat((byte)128, D).ToArray();
                for (var y = 0; y < Side; y++)
                    for (var c = 0; c < Side / 2; c++)
                    {
                        var v = x[i * (D / 2) + y * (Side / 2) + c];
                        pixels[y * Side + (left ? c : c + Side / 2)] = (byte)Math.Clamp(Math.Round(128 + 60 * v), 1, 255);
                    }
                var header = System.Text.Encoding.ASCII.GetBytes($"P5\n{Side} {Side}\n255\n");
                File.WriteAllBytes(Path.Combine(dir, $"{i:D4}.pgm"), header.Concat(pixels).ToArray());
            }
        }
    }

    [Fact]
    public void Subfolders_are_classes_and_disjoint_classes_are_flagged_as_mixing()
    {
        using var dir = new TempFolder();
        WriteFolder(dir.Path);
        var run = Tool.Run("classes", dir.Path, "--json", dir.File("classes.json"), "--html", dir.File("classes.html"));
        Assert.True(run.ExitCode == 0, run.Err);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("classes.json")));
        var result = json.RootElement.GetProperty("result");
        Assert.Equal(new[] { "left", "right" }, result.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        Assert.All(result.GetProperty("classes").EnumerateArray(), c => Assert.Equal(PerClass, c.GetProperty("samples").GetInt64()));
        Assert.True(result.GetProperty("mixing").GetBoolean(), run.Out);
        Assert.Contains("mixing", run.Out);

        // The page draws ⟨r̃⟩ per class with its error bar against both references, and α per class.
        var html = File.ReadAllText(dir.File("classes.html"));
        var ratio = System.Text.RegularExpressions.Regex.Match(html, "<svg[^>]* id=\"classes-ratio\".*?</svg>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("GOE 0.5307", ratio);
        Assert.Contains("Poisson 0.3863", ratio);
        // One error bar per row (pooled and two classes), each a two-point line.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(ratio, "<path class=\"line\"[^>]* d=\"M[-0-9.]+ [-0-9.]+L[-0-9.]+ [-0-9.]+\"").Count);
        Assert.Contains("id=\"classes-alpha\"", html);
    }
}
