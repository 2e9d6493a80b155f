namespace Spectra.Tests.Data.Images;

/// <summary>Netpbm headers that do not fit the probe's prefix, or never end.</summary>
public class NetpbmHeaderTests
{
    private static List<double> Values(string path) => ImageSource.Open(path).ReadChunks(10).SelectMany(c => c.Row(0).ToArray()).ToList();

    [Fact]
    public void A_comment_longer_than_the_probe_prefix_does_not_change_the_image()
    {
        using var t = new TestData.TempFolder();
        var plain = t.Write("plain.pgm", Pnm.Gray(3, 1, 255, 10, 20, 30));
        var comment = "#" + new string('c', 3 * ImageFormats.ProbeBytes) + "\n";
        var commented = t.Write("commented.pgm", [.. Encoding.ASCII.GetBytes("P5\n" + comment + "3 1\n255\n"), 10, 20, 30]);
        Assert.Equal(Values(plain), Values(commented));
        Assert.Equal([10 / 255.0, 20 / 255.0, 30 / 255.0], Values(commented));
    }

    [Theory]
    [InlineData(new byte[] { 0x8F, 0x41, 0x0A, 0, 0, 0 })] // raster bytes with a newline: read as a header line
    [InlineData(new byte[] { 0x8F, 0x41, 0x9C, 0, 0, 0 })] // no newline at all: the file ends in the header
    public void A_pam_without_endhdr_says_so_without_echoing_the_raster(byte[] raster)
    {
        using var t = new TestData.TempFolder();
        var path = t.Write("a.pam", [.. "P7\nWIDTH 2\nHEIGHT 2\nDEPTH 1\nMAXVAL 255\n"u8, .. raster]);
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(path));
        Assert.Contains("no ENDHDR", e.Reason);
        Assert.DoesNotContain("unknown field", e.Reason);
        Assert.Equal("a.pam", e.File);
    }
}
