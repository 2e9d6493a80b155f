namespace Spectra.Tests.Data.Images;

/// <summary>Headers that claim huge images are refused from the header alone, before pixel memory is allocated.</summary>
public class DecodeLimitTests
{
    private static readonly ImageDecodeLimits Small = new() { MaxPixels = 1_000_000 };

    private static byte[] PngWithIhdr(uint width, uint height)
    {
        var ihdr = new byte[25];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, 13);
        "IHDR"u8.CopyTo(ihdr.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(8), width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(12), height);
        ihdr[16] = 8; // 8-bit gray
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(21), BitwiseCrc32.Of(ihdr.AsSpan(4, 17)));
        return new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }.Concat(ihdr).ToArray();
    }

    [Fact]
    public void Png_header_over_the_limit_is_refused_before_allocation()
    {
        var png = PngWithIhdr(40_000, 40_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<SpectraException>(() => new PngCodec().Decode(png, Small));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
        Assert.Contains("40000 × 40000", e.Message);
        Assert.Throws<SpectraException>(() => new PngCodec().TryReadHeader(png, Small));
        // Within the limit the same header is fine, and the missing data is the error.
        var ok = Assert.Throws<SpectraException>(() => new PngCodec().Decode(PngWithIhdr(100, 100), Small));
        Assert.Equal(SpectraErrorKind.InvalidInput, ok.Kind);
    }

    [Fact]
    public void Jpeg_frame_over_the_limit_is_refused_before_allocation()
    {
        var jpeg = File.ReadAllBytes(TestData.PathOf("small_420.jpg"));
        int sof = Enumerable.Range(0, jpeg.Length - 1).First(i => jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 60_000);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 60_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<SpectraException>(() => new JpegCodec().Decode(jpeg, Small));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
    }

    [Fact]
    public void Gzip_bomb_is_refused_at_the_expansion_limit()
    {
        using var buffer = new MemoryStream();
        using (var z = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            z.Write(new byte[64 << 20]);
        var e = Assert.Throws<SpectraException>(() => ImageFormats.Gunzip(buffer.ToArray(), 1 << 20));
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
    }
}
