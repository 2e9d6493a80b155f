using System.Text;

namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>`spectra analyze` on a CSV file: read as a table, and a bad cell is one message and exit code 3.</summary>
public sealed class CsvInputTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Table(string name, Func<int, int, string?>? cell = null)
    {
        var rng = new Random(4);
        var text = new StringBuilder("a,b,c,d,e,f,label\n");
        for (int r = 0; r < 80; r++)
        {
            for (int c = 0; c < 6; c++) text.Append(cell?.Invoke(r, c) ?? rng.NextDouble().ToString("R", CultureInfo.InvariantCulture)).Append(',');
            text.Append(r % 3 == 0 ? "x" : "y").Append('\n');
        }
        var path = _tmp.File(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void A_csv_table_is_analysed_with_its_labels()
    {
        var run = Tool.Run("analyze", Table("t.csv"), "--label-column", "label", "--reference-draws", "0", "--json", _tmp.File("t.json"), "-q");
        Assert.Equal(0, run.ExitCode);
        var input = JsonDocument.Parse(File.ReadAllText(_tmp.File("t.json"))).RootElement.GetProperty("input");
        Assert.Equal("csv", input.GetProperty("kind").GetString());
    }

    [Fact]
    public void A_cell_that_is_not_a_number_exits_3_naming_the_line_and_column()
    {
        var path = Table("bad.csv", (r, c) => r == 9 && c == 2 ? "oops" : null);
        var run = Tool.Run("analyze", path, "--label-column", "label", "-q");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("bad.csv (line 11, column \"c\"): \"oops\" is not a number", run.Err);
        Assert.Contains("--columns", run.Err);
        Assert.DoesNotContain("   at ", run.Err);

        var refused = Tool.Run("analyze", path, "--resize", "4x4", "-q");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--resize", refused.Err);
    }
}
