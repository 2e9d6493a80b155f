namespace Spectra.Tests.Data;

/// <summary>One glob language: paths keep '*' within a folder, column names have no folders.</summary>
public class GlobTests
{
    [Theory]
    [InlineData("*.png", "a/b/x.png", true)]          // no '/': the file name alone
    [InlineData("*.png", "a/b/x.jpg", false)]
    [InlineData("a/*.png", "a/x.png", true)]
    [InlineData("a/*.png", "a/b/x.png", false)]       // '*' stays within one folder
    [InlineData("a/**/x.png", "a/x.png", true)]       // "**/" matches no folder too
    [InlineData("a/**/x.png", "a/b/c/x.png", true)]
    [InlineData("a/?.png", "a/x.png", true)]
    [InlineData("a/?.png", "a/xy.png", false)]
    [InlineData("[ab].png", "[ab].png", true)]        // everything but '*' and '?' is literal
    [InlineData("[ab].png", "a.png", false)]
    public void Path_globs(string pattern, string path, bool matches) => Assert.Equal(matches, Glob.Path(pattern).IsMatch(path));

    [Theory]
    [InlineData("f*", "feature_1", true)]
    [InlineData("emb.*", "emb.list/element", true)]  // a nested column's path: '*' crosses the separator
    [InlineData("f?", "f12", false)]
    [InlineData("f.?", "fx1", false)]                 // '.' is literal
    [InlineData("*", "", true)]
    public void Name_globs(string pattern, string name, bool matches) => Assert.Equal(matches, Glob.Name(pattern).IsMatch(name));
}
