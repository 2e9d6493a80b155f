using static Spectra.Tests.Hostile.HostileFiles;

namespace Spectra.Tests.Hostile;

/// <summary>
/// Headers that claim far more than their file holds are refused at the probe, naming the file, before
/// a row or a decode buffer is sized from them; an unrecognised decoder fault is still the one error,
/// which skip-invalid passes over.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class HostileImageTests
{
    private static readonly byte[] Valid8x8 = Png(8, 8, Zlib(Enumerable.Range(0, 8 * 9).Select(i => (byte)(i % 9 == 0 ? 0 : i)).ToArray()));

    public static TheoryData<string, byte[]> Liars() => new()
    {
        // 10 000 × 10 000 (10⁸ pixels, the decoders' limit) from a few hundred bytes each.
        { "liar.png", Png(10_000, 10_000, Zlib(new byte[100])) },
        { "liar.pgm", Pgm(10_000, 10_000, 300) },
        { "liar.bmp", Bmp(10_000, 10_000, 300) },
        { "liar.npy", Npy("10000, 10000", 300) },
    };

    [Theory]
    [MemberData(nameof(Liars))]
    public void A_header_claiming_more_than_the_file_holds_is_refused_at_the_probe(string name, byte[] bytes)
    {
        using var folder = new TestData.TempFolder();
        folder.Write("a.png", Valid8x8);
        folder.Write(name, bytes);
        SpectraException? e = null;
        long allocated = AllocationCollection.Allocated(() => e = Assert.Throws<SpectraException>(() => new ImageFolderSource(folder.Path)));
        Assert.Equal(SpectraErrorKind.InvalidInput, e!.Kind);
        Assert.Equal(name, e.File);
        Assert.Contains("10000 × 10000", e.Message);
        Assert.True(allocated < AllocationCollection.Bound, $"{allocated} bytes allocated");

        // Passed over with skip-invalid: the good image is read, the liar listed.
        var source = new ImageFolderSource(folder.Path, new ImageSourceOptions { SkipInvalid = true });
        Assert.Equal(1, source.Count);
        Assert.Contains(source.ReadToEnd().Skipped, s => s.Path == name);
    }

    [Fact]
    public void A_genuine_header_the_data_bears_out_is_read()
    {
        // The bound is a floor no real file goes below: a 256 × 256 PNG of zeros compresses to a few hundred bytes.
        var zeros = Png(256, 256, Zlib(new byte[256 * 257]));
        Assert.True(zeros.Length < 1024);
        using var folder = new TestData.TempFolder();
        folder.Write("zeros.png", zeros);
        Assert.Equal(256 * 256, new ImageFolderSource(folder.Path).Features);
    }

    [Fact]
    public void A_progressive_jpeg_claiming_10000_squared_in_a_kilobyte_is_refused_before_its_coefficients()
    {
        var jpeg = File.ReadAllBytes(TestData.PathOf("small_422_progressive.jpg"));
        int sof = Marker(jpeg, 0xC2);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 10_000);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 10_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<SpectraException>(() => new JpegCodec().Decode(jpeg, ImageDecodeLimits.Default));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < AllocationCollection.Bound);
        Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
        Assert.Contains("10000 × 10000", e.Message);

        using var folder = new TestData.TempFolder();
        folder.Write("liar.jpg", jpeg);
        var probed = Assert.Throws<SpectraException>(() => new ImageFolderSource(folder.Path));
        Assert.Equal("liar.jpg", probed.File);
    }

    /// <summary>A baseline JPEG whose first DHT gives three codes of length 1 (two exist), the other counts lowered to keep its length.</summary>
    private static byte[] OverSubscribedJpeg()
    {
        var jpeg = File.ReadAllBytes(TestData.PathOf("small_420.jpg"));
        int counts = Marker(jpeg, 0xC4) + 5;
        int moved = 3 - jpeg[counts];
        for (int len = 15; len > 0 && moved > 0; len--)
        {
            int take = Math.Min(moved, jpeg[counts + len]);
            jpeg[counts + len] -= (byte)take;
            moved -= take;
        }
        jpeg[counts] = 3;
        return jpeg;
    }

    [Fact]
    public void An_over_subscribed_huffman_table_is_an_error_naming_the_file_and_skip_invalid_passes_it()
    {
        var bad = OverSubscribedJpeg();
        var e = Assert.Throws<SpectraException>(() => new JpegCodec().Decode(bad, ImageDecodeLimits.Default));
        Assert.Contains("over-subscribed", e.Message);

        using var folder = new TestData.TempFolder();
        var good = File.ReadAllBytes(TestData.PathOf("small_420.jpg"));
        folder.Write("a.jpg", good);
        folder.Write("b.jpg", good);
        folder.Write("bad.jpg", bad);
        var strict = Assert.Throws<SpectraException>(() => Read(new ImageFolderSource(folder.Path)));
        Assert.Equal("bad.jpg", strict.File);
        var lenient = new ImageFolderSource(folder.Path, new ImageSourceOptions { SkipInvalid = true });
        Assert.Equal(2, Read(lenient));
        Assert.Contains(lenient.ReadToEnd().Skipped, s => s.Path == "bad.jpg");
    }

    private static int Read(ImageFolderSource source) => source.ReadChunks(16).Sum(c => c.Rows);

    [Fact]
    public void A_gzipped_idx_file_is_inflated_only_as_far_as_its_header_declares()
    {
        // 50 images of 4 × 4 (816 bytes) followed by 64 MB of zeros in the same gzip member.
        var header = IdxHeader(50, 4, 4);
        var bomb = Gzip(header, new byte[50 * 16], new byte[64 << 20]);
        using var folder = new TestData.TempFolder();
        var path = folder.Write("bomb-images-idx3-ubyte.gz", bomb);
        int rows = 0;
        long allocated = AllocationCollection.Allocated(() => rows = Read(new ImageFolderSource(path)));
        Assert.Equal(50, rows);
        Assert.True(allocated < 16L << 20, $"{allocated} bytes allocated");

        var truncated = folder.Write("short-images-idx3-ubyte.gz", Gzip(header, new byte[100]));
        var e = Assert.Throws<SpectraException>(() => Read(new ImageFolderSource(truncated)));
        Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
    }

    [Fact]
    public void A_gzipped_idx_header_whose_sizes_overflow_a_long_is_refused()
    {
        // Regression: 2^32 − 1 in every size once wrapped the declared length negative (an ArgumentOutOfRangeException).
        byte[] header = [0, 0, 8, 3, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255];
        Assert.Throws<SpectraException>(() => ImageFormats.Gunzip(Gzip(header), 1 << 24));
    }

    [Fact]
    public void An_npz_entry_is_inflated_only_as_far_as_its_npy_header_declares()
    {
        using var folder = new TestData.TempFolder();
        var trailing = folder.Write("trailing.npz", Npz("arr_0.npy", Npy("3, 8, 8", 3 * 64), new byte[64 << 20]));
        int rows = 0;
        long allocated = AllocationCollection.Allocated(() => rows = Read(new ImageFolderSource(trailing)));
        Assert.Equal(3, rows);
        Assert.True(allocated < AllocationCollection.Bound, $"{allocated} bytes allocated");

        // A header claiming 10⁸ samples in an entry of a few hundred compressed bytes: refused before the buffer.
        var liar = folder.Write("liar.npz", Npz("arr_0.npy", Npy("10000, 10000", 1000)));
        SpectraException? e = null;
        allocated = AllocationCollection.Allocated(() => e = Assert.Throws<SpectraException>(() => new ImageFolderSource(liar)));
        Assert.Equal(SpectraErrorKind.InvalidInput, e!.Kind);
        Assert.Contains("arr_0.npy", e.Message);
        Assert.True(allocated < AllocationCollection.Bound, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_folder_of_one_large_image_is_refused_before_it_is_decoded()
    {
        // 3000 × 3000 zeros: a few kilobytes that decode to 9 Mpx, i.e. a 72 MB row of doubles.
        using var folder = new TestData.TempFolder();
        folder.Write("big.png", Png(3000, 3000, Zlib(new byte[3001 * 3000])));
        var source = new ImageFolderSource(folder.Path);
        SpectraException? e = null;
        long allocated = AllocationCollection.Allocated(() =>
            e = Assert.Throws<SpectraException>(() => Spectra.Pipeline.SpectrumPipeline.Run(source)));
        Assert.Equal(SpectraErrorKind.NotEnoughData, e!.Kind);
        Assert.Equal(folder.Path, e.File);
        Assert.Contains("at least 2", e.Message);
        Assert.True(allocated < AllocationCollection.Bound, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_resize_beyond_the_memory_budget_is_one_error_before_the_buffers()
    {
        using var folder = new TestData.TempFolder();
        for (int i = 0; i < 3; i++) folder.Write($"{i}.png", Valid8x8);
        var options = new ImageSourceOptions { ResizeWidth = 10_000, ResizeHeight = 10_000 };
        using (MemoryBudget.Use(1L << 30))
        {
            var source = new ImageFolderSource(folder.Path, options);
            SpectraException? e = null;
            long allocated = AllocationCollection.Allocated(() =>
                e = Assert.Throws<SpectraException>(() => Spectra.Pipeline.SpectrumPipeline.Run(source)));
            Assert.Equal(SpectraErrorKind.LimitExceeded, e!.Kind);
            Assert.Equal(folder.Path, e.File);
            Assert.Contains("--memory-limit", e.Message);
            Assert.True(allocated < AllocationCollection.Bound, $"{allocated} bytes allocated");
            Assert.Equal(0, MemoryBudget.Current.Reserved);
        }
    }

    [Fact]
    public void Decoder_faults_a_codec_does_not_name_become_the_one_error()
    {
        // zlib's "unexpected error code" is an IOException; an index past a table an IndexOutOfRangeException.
        Assert.True(DecoderFault.IsDataFault(new IOException("The underlying compression routine returned an unexpected error code.")));
        Assert.True(DecoderFault.IsDataFault(new IndexOutOfRangeException()));
        Assert.False(DecoderFault.IsDataFault(new OutOfMemoryException()));
        var e = DecoderFault.ToError(new IndexOutOfRangeException("Index was outside the bounds of the array."), "JPEG");
        Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
        Assert.Contains("JPEG", e.Message);
    }
}
