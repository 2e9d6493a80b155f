namespace Spectra.Tests.Data.Files;

public class RegularFileTests
{
    [Fact]
    public void Anything_but_a_regular_file_is_one_error_naming_it_and_what_it_is()
    {
        using var t = new TestData.TempFolder();
        var fifo = SpecialFiles.Fifo(Path.Combine(t.Path, "pipe.json"));
        var cases = new[]
        {
            (fifo, "a FIFO (named pipe), not a regular file"),
            ("/dev/zero", "a character device, not a regular file"),
            (t.Path, "a folder, not a file"),
            (Path.Combine(t.Path, "missing.json"), "does not exist"),
            (Path.Combine(t.Path, "caf\uFFFD.json"), "name is not valid UTF-8"),
        };
        foreach (var (path, says) in cases)
        {
            var e = Assert.Throws<SpectraException>(() => RegularFile.Require(path, "the baseline"));
            Assert.Equal(path, e.File);
            Assert.Contains("the baseline", e.Reason);
            Assert.Contains(says, e.Reason);
        }
        Assert.Equal(3, RegularFile.Require(t.Write("ok.json", [1, 2, 3]), "the baseline"));
    }

    [Fact]
    public void Configuration_text_is_read_within_its_cap()
    {
        using var t = new TestData.TempFolder();
        var small = t.Write("small.yaml", "\uFEFFrules: []\n"u8.ToArray());
        Assert.Equal("rules: []\n", RegularFile.ReadText(small, "the rules file", 100));
        var big = t.Write("big.yaml", new byte[101]);
        var e = Assert.Throws<SpectraException>(() => RegularFile.ReadText(big, "the rules file", 100));
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
        Assert.Equal(big, e.File);
        var latin1 = t.Write("latin1.yaml", [0x63, 0x61, 0x66, 0xE9]);
        Assert.Contains("not UTF-8", Assert.Throws<SpectraException>(() => RegularFile.ReadText(latin1, "the rules file", 100)).Reason);
    }
}
