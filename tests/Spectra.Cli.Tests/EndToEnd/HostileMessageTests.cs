namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>Whatever a file name or a file holds, an error is one line on standard error.</summary>
public class HostileMessageTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData("a\nerror: forged", "a\\nerror: forged")]
    [InlineData("a\r\x1b[2Kred", "a\\r\\e[2Kred")]
    [InlineData("tab\there\u0085\u202Egpj.exe", "tab\\there\\x85\\u202Egpj.exe")]
    [InlineData("plain é ü", "plain é ü")]
    public void Control_characters_are_escaped(string text, string shown) => Assert.Equal(shown, MessageText.Escape(text));

    [Fact]
    public void A_file_name_with_a_newline_cannot_forge_a_second_error_line()
    {
        var folder = _tmp.File("imgs");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "bad\nerror: all good.pgm"), "P5 broken"u8.ToArray());
        var run = Tool.Run("analyze", folder, "-q");
        Assert.Equal(3, run.ExitCode);
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("bad\\nerror: all good.pgm", lines[0]);
    }

    [Fact]
    public void A_folder_where_a_file_is_expected_is_named_as_a_folder()
    {
        var run = Tool.Run("check", _tmp.Path, "--baseline", _tmp.Path, "-q");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("the baseline is a folder, not a file", run.Err);
        Assert.DoesNotContain("denied", run.Err);
    }

    [Fact]
    public void A_misspelt_option_is_named_as_unknown_not_read_as_a_second_input()
    {
        var run = Tool.Run("analyze", _tmp.Path, "--k-topp", "5");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("unknown option '--k-topp'", run.Err);
        Assert.DoesNotContain("several inputs", run.Err);
    }

    [Fact]
    public void The_choices_of_an_option_are_listed_on_the_error_line()
    {
        var run = Tool.Run("analyze", _tmp.Path, "--nulls", "banana");
        Assert.Equal(3, run.ExitCode);
        var line = run.Err.Split('\n').Single(l => l.StartsWith("error:"));
        Assert.Contains("'error', 'drop-row', 'mean-impute'", line);
        Assert.DoesNotContain("\\n", run.Err);
    }

    [Fact]
    public void A_value_that_does_not_parse_is_named_in_plain_words()
    {
        var run = Tool.Run("analyze", _tmp.Path, "--max-samples", "banana");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("option '--max-samples' is 'banana', not an integer", run.Err);
        Assert.DoesNotContain("System.", run.Err);
    }
}
