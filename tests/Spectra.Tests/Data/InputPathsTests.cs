namespace Spectra.Tests.Data;

public class InputPathsTests
{
    [Fact]
    public void A_glob_expands_in_ordinal_order_and_a_repeated_file_is_kept_once()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        foreach (var n in new[] { "b.parquet", "a.parquet", "B.parquet", "c.txt" }) File.WriteAllText(Path.Combine(dir, n), "");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "sub", "d.parquet"), "");
        var paths = InputPaths.Expand([Path.Combine(dir, "a.parquet"), Path.Combine(dir, "*.parquet")]);
        Assert.Equal(new[] { "a.parquet", "B.parquet", "b.parquet" }, paths.Select(Path.GetFileName));
        var deep = InputPaths.Expand([Path.Combine(dir, "**/*.parquet")]);
        Assert.Equal(4, deep.Count);
    }

    [Fact]
    public void A_glob_that_matches_nothing_is_one_error_naming_the_pattern()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var pattern = Path.Combine(dir, "*.parquet");
        var e = Assert.Throws<SpectraException>(() => InputPaths.Expand([pattern]));
        Assert.Contains(pattern, e.Message);
    }

    [Fact]
    public void A_folder_that_links_to_itself_ends_the_walk_of_a_glob()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "a.parquet"), "");
        Directory.CreateSymbolicLink(Path.Combine(dir, "loop"), dir);
        var paths = InputPaths.Expand([Path.Combine(dir, "**/*.parquet")]);
        Assert.Equal(new[] { "a.parquet" }, paths.Select(Path.GetFileName));
    }
}
