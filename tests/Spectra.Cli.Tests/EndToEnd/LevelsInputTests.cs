namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>`spectra analyze` on a list of levels (a 1-D .npy array, a text file) reads it as the spectrum it is.</summary>
public sealed class LevelsInputTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private JsonElement Json(string file) => JsonDocument.Parse(File.ReadAllText(_tmp.File(file))).RootElement;

    [Fact]
    public void Simulated_goe_levels_read_back_from_their_file_give_the_same_report()
    {
        var levels = _tmp.File("goe.npy");
        var simulated = Tool.Run("simulate", "goe", "--levels", "600", "--seed", "5", "-o", levels, "--json", _tmp.File("sim.json"));
        Assert.Equal(0, simulated.ExitCode);
        Assert.Contains("600 levels given as a spectrum", simulated.Out);
        Assert.DoesNotContain("samples ×", simulated.Out);
        var read = Tool.Run("analyze", levels, "--seed", "5", "--json", _tmp.File("read.json"), "-q");
        Assert.Equal(0, read.ExitCode);
        JsonElement sim = Json("sim.json"), back = Json("read.json");
        Assert.Equal("levels", back.GetProperty("input").GetProperty("kind").GetString());
        Assert.Equal("levels", back.GetProperty("matrix").GetProperty("requested").GetString());
        foreach (var section in new[] { "spacing_ratio", "spacing_distribution", "verdict", "references" })
            Assert.Equal(sim.GetProperty(section).GetRawText(), back.GetProperty(section).GetRawText());
        // GOE levels are signed: no power law, entropy or Marchenko–Pastur edge for them.
        foreach (var section in new[] { "power_law", "entropy", "marchenko_pastur" })
            Assert.Equal(JsonValueKind.Null, back.GetProperty(section).ValueKind);
    }

    [Fact]
    public void A_text_list_of_a_datasets_eigenvalues_gives_the_datasets_statistics()
    {
        var data = _tmp.File("cgd.npy");
        Assert.Equal(0, Tool.Run("simulate", "cgd", "--samples", "300", "--features", "60", "--seed", "2", "-o", data, "-q").ExitCode);
        Assert.Equal(0, Tool.Run("analyze", data, "--reference-draws", "0", "--json", _tmp.File("data.json"), "-q").ExitCode);
        var eigenvalues = Json("data.json").GetProperty("spectrum").GetProperty("eigenvalues").EnumerateArray().Select(e => e.GetDouble());
        File.WriteAllLines(_tmp.File("eig.txt"), eigenvalues.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        Assert.Equal(0, Tool.Run("analyze", _tmp.File("eig.txt"), "--reference-draws", "0", "--json", _tmp.File("eig.json"), "-q").ExitCode);
        JsonElement fromData = Json("data.json"), fromList = Json("eig.json");
        // The same levels (written exactly, "R"): the same ratio, power law and entropy, and no MP edge without M and d.
        Assert.Equal(Value(fromData, "spacing_ratio", "mean"), Value(fromList, "spacing_ratio", "mean"));
        Assert.Equal(Value(fromData, "power_law", "alpha"), Value(fromList, "power_law", "alpha"));
        Assert.Equal(Value(fromData, "entropy", "normalized"), Value(fromList, "entropy", "normalized"));
        Assert.Equal(JsonValueKind.Null, fromList.GetProperty("marchenko_pastur").ValueKind);
    }

    private static double Value(JsonElement root, string section, string key) => root.GetProperty(section).GetProperty(key).GetDouble();

    [Theory]
    [InlineData("analyze", "--standardize")]
    [InlineData("analyze", "--max-samples", "10")]
    [InlineData("baseline", "-o", "b.json")]
    public void Options_and_commands_that_need_data_are_refused_for_levels(string command, params string[] options)
    {
        var levels = _tmp.File("levels.txt");
        File.WriteAllLines(levels, Enumerable.Range(1, 50).Select(i => (i * 0.37 % 1 + i).ToString(CultureInfo.InvariantCulture)));
        var run = Tool.Run(new[] { command, levels }.Concat(options.Select(o => o.EndsWith(".json") ? _tmp.File(o) : o)).ToArray());
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("levels", run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }
}
