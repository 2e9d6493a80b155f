namespace Spectra.Tests.Data.Images;

/// <summary>
/// A folder is Parquet when its first 10 000 files hold at least as many .parquet files as images. The
/// detector stops listing once the rest could not change that; it must decide exactly as the full count.
/// </summary>
public class InputDetectorFolderTests
{
    [Theory]
    [InlineData(6_000, 1, InputKind.Images)]     // decided early, half way through
    [InlineData(4_999, 5_001, InputKind.Parquet)] // never decided early: the count runs to the end
    [InlineData(4_999, 4_999, InputKind.Parquet)] // a tie goes to Parquet
    [InlineData(5_001, 4_999, InputKind.Images)]
    [InlineData(3, 0, InputKind.Images)]
    [InlineData(0, 2, InputKind.Parquet)]
    public void Large_mixed_folders_are_decided_as_by_the_full_count(int images, int parquet, InputKind expected)
    {
        using var t = new TestData.TempFolder();
        // Names interleave the kinds in listing order, so neither kind comes all first.
        for (int i = 0; i < images; i++) File.WriteAllBytes(Path.Combine(t.Path, $"{2 * i:D6}.png"), []);
        for (int i = 0; i < parquet; i++) File.WriteAllBytes(Path.Combine(t.Path, $"{2 * i + 1:D6}.parquet"), []);
        File.WriteAllText(Path.Combine(t.Path, "README.txt"), "counts for neither kind");
        Assert.Equal(expected, InputDetector.Detect(t.Path));
    }
}
