namespace Spectra.Tests.Pipeline;

/// <summary>A list of levels read as a spectrum: the text format, and which analyzers apply.</summary>
public class LevelSpectrumTests
{
    [Fact]
    public void A_text_file_holds_one_number_per_line_with_comments_and_blank_lines_passed_over()
    {
        using var tmp = new TestData.TempFolder();
        var path = tmp.Write("levels.txt", "# eigenvalues\n1.5\n\n-2e-3\n  7  \n"u8.ToArray());
        Assert.Equal(InputKind.Levels, InputDetector.Detect(path));
        Assert.Equal([1.5, -2e-3, 7], LevelsFile.Read(path));
    }

    [Theory]
    [InlineData("1\n2\nseven\n", "line 3", "not a number")]
    [InlineData("1\nNaN\n3\n", "level 1", "finite")]
    [InlineData("1\n", null, "at least 2")]
    public void A_bad_text_file_names_the_file_and_the_place(string text, string? place, string reason)
    {
        using var tmp = new TestData.TempFolder();
        var path = tmp.Write("levels.txt", System.Text.Encoding.UTF8.GetBytes(text));
        var e = Assert.Throws<SpectraException>(() => LevelsFile.Read(path));
        Assert.Equal(path, e.File);
        Assert.Equal(place, e.Location);
        Assert.Contains(reason, e.Message + " " + e.Hint);
    }

    [Fact]
    public void Signed_levels_are_shifted_and_read_without_power_law_entropy_or_marchenko_pastur()
    {
        var goe = GoeEnsemble.Levels(400, new SeededRandom(2));
        var (c, inapplicable) = LevelSpectrum.From(goe, new SourceInfo("goe", LevelSpectrum.Kind), 0);
        Assert.Equal([LevelSpectrum.MarchenkoPastur, LevelSpectrum.PowerLaw, LevelSpectrum.Entropy], inapplicable);
        Assert.Equal(400, c.Spectrum.NonZero.Count);
        // A shift: every spacing is kept (to the round-off of adding the offset).
        var sorted = goe.OrderBy(v => v).ToArray();
        for (var i = 1; i < sorted.Length; i++)
            Assert.Equal(sorted[i] - sorted[i - 1], c.Spectrum.All[i] - c.Spectrum.All[i - 1], 1e-12);
        Assert.Contains(c.Source.Notes, n => n.Contains("shifted"));
    }

    [Fact]
    public void An_eigenvalue_list_with_round_off_below_zero_stays_a_positive_spectrum()
    {
        double[] levels = [-1e-17, 0, 1e-3, 0.5, 1, 2, 4];
        var (c, inapplicable) = LevelSpectrum.From(levels, new SourceInfo("eig", LevelSpectrum.Kind), 0);
        Assert.Equal([LevelSpectrum.MarchenkoPastur], inapplicable);
        Assert.Equal(2, c.Spectrum.ZeroModes);
        Assert.Equal(levels.Order(), c.Spectrum.All);
    }
}
