namespace Spectra.Tests.Data.Images;

/// <summary>
/// Odd-sized JPEGs written by libjpeg (tools/fixtures/images/make_test_jpegs.py): partial MCUs, 4:2:2 progressive,
/// restart intervals in baseline and progressive scans, 4:4:0 and 4:1:1 sampling (cjpeg). Oracle: SHA-256 of
/// PIL's or djpeg's decode (both libjpeg-turbo, default fancy upsampling).
/// </summary>
public class JpegSmallFileTests
{
    [Theory]
    [InlineData("small_gray.jpg", 1, "87512711b2634326925d6ce4fae98ca0827c19090bf5a1f9b49ac66e89e9edd5")]
    [InlineData("small_420.jpg", 3, "81430f9b6d1f72d211cf2fbe8de0de0f3421107910f45d04d7ef93aa9e04435e")]
    [InlineData("small_422_progressive.jpg", 3, "c4a73703770e5a6b86c1e6f4fe58118de631cbacf1ec47e3d2f4699c3d286175")]
    [InlineData("small_444_restart.jpg", 3, "42490789f04613eadd438457f436a7f3d6c0816ce1a9738c800c696272e38146")]
    [InlineData("small_420_progressive_restart.jpg", 3, "9c498b4f1982c2bdfc39e8b47af6794ddb8fcd9e0d2d893115711aa5ad6cc335")]
    [InlineData("small_440.jpg", 3, "148eb48d766ee02ec51fc8f1ae0c25c68ba1d7b65e59a5b301234559b58b2ab0", 45, 37)]
    [InlineData("small_411.jpg", 3, "7bd6c650e141696790e4c69590404b55948339bbd9b79fcd4db99d4c85f9b08e", 45, 37)]
    [InlineData("small_420_odd.jpg", 3, "36e95234c91daa3145cb9e520aa938652bcc8d2ba71693862893c86c2e36668d", 45, 37)]
    public void Decode_equals_libjpeg_exactly(string name, int channels, string sha256, int width = 35, int height = 21)
    {
        var im = new JpegCodec().Decode(File.ReadAllBytes(TestData.PathOf(name)), ImageDecodeLimits.Default);
        Assert.Equal((width, height, channels), (im.Width, im.Height, im.Channels));
        Assert.Equal(sha256, TestData.Sha256(im.Samples!.Select(s => (byte)s)));
    }

    [Fact]
    public void Header_probe_reads_size_without_decoding()
    {
        var head = File.ReadAllBytes(TestData.PathOf("small_420.jpg"));
        Assert.Equal(new ImageHeader(35, 21, 3), new JpegCodec().TryReadHeader(head, ImageDecodeLimits.Default));
        Assert.Null(new JpegCodec().TryReadHeader(head.AsSpan(0, 30), ImageDecodeLimits.Default));
    }

    [Fact]
    public void Missing_restart_marker_is_reported_as_corrupt()
    {
        var bytes = File.ReadAllBytes(TestData.PathOf("small_444_restart.jpg"));
        int sos = IndexOf(bytes, 0xFF, 0xDA);
        int rst = IndexOf(bytes, 0xFF, 0xD0, sos);
        bytes[rst + 1] = 0xD3;
        var e = Assert.Throws<SpectraException>(() => new JpegCodec().Decode(bytes, ImageDecodeLimits.Default));
        Assert.Contains("RST0", e.Message);
    }

    private static int IndexOf(byte[] b, byte x, byte y, int from = 0)
    {
        for (int i = from; i + 1 < b.Length; i++)
            if (b[i] == x && b[i + 1] == y) return i;
        throw new Xunit.Sdk.XunitException("marker not found");
    }
}
