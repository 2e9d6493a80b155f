namespace Spectra.Tests.Data.Images;

public class ArrayCodecTests
{
    private static IImageStack Open(string name)
    {
        var data = File.ReadAllBytes(TestData.PathOf(name));
        var codec = ImageFormats.Detect(data) ?? throw new Xunit.Sdk.XunitException("no codec for " + name);
        return codec.Open(data, ImageDecodeLimits.Default);
    }

    [Theory]
    [InlineData("stack_u8.npy", 255, 256)]
    [InlineData("stack_u16_fortran.npy", 65535, 0)]
    [InlineData("stack_u16_be.npy", 65535, 0)]
    public void Integer_npy_stacks_give_every_value_in_c_and_fortran_order(string name, int max, int modulo)
    {
        var stack = Open(name);
        Assert.Equal(new ImageHeader(5, 4, 1, 3), stack.Header);
        for (int m = 0; m < 3; m++)
        {
            var im = stack.Decode(m);
            Assert.Equal(max, im.MaxValue);
            for (int y = 0; y < 4; y++)
            for (int x = 0; x < 5; x++)
            {
                int v = TestData.Formula(m, y, x, 0);
                Assert.Equal(modulo > 0 ? v % modulo : v, im.Samples![y * 5 + x]);
            }
        }
        Assert.Equal("2", stack.NameOf(2));
    }

    [Theory]
    [InlineData("stack_f32.npy")]
    [InlineData("stack_f64_fortran.npy")]
    [InlineData("stack_i32.npy")]
    public void Float_and_signed_npy_values_are_kept_as_stored(string name)
    {
        var stack = Open(name);
        bool isInt = name.Contains("i32");
        for (int m = 0; m < 3; m++)
        {
            var im = stack.Decode(m);
            Assert.True(im.IsFloat);
            for (int y = 0; y < 4; y++)
            for (int x = 0; x < 5; x++)
            {
                double v = TestData.Formula(m, y, x, 0);
                Assert.Equal(isInt ? v : v / 8 - 3, im.FloatSamples![y * 5 + x]);
            }
        }
    }

    [Fact]
    public void Npy_rgb_stack_and_single_images_have_the_right_shape()
    {
        var rgb = Open("rgb_stack_u16.npy");
        Assert.Equal(new ImageHeader(5, 4, 3, 2), rgb.Header);
        Assert.Equal(TestData.Formula(1, 3, 4, 2), rgb.Decode(1).Samples![(3 * 5 + 4) * 3 + 2]);

        var hwc = Open("single_hwc_u8.npy");
        Assert.Equal(new ImageHeader(5, 6, 3, 1), hwc.Header);
        Assert.Null(hwc.NameOf(0));
        Assert.Equal(TestData.Formula(0, 5, 4, 1) % 256, hwc.Decode(0).Samples![(5 * 5 + 4) * 3 + 1]);

        var hw = Open("single_hw_f64.npy");
        Assert.Equal(new ImageHeader(5, 4, 1, 1), hw.Header);
        Assert.Equal(TestData.Formula(1, 2, 3, 0) / 8.0 - 3, hw.Decode(0).FloatSamples![2 * 5 + 3]);
    }

    [Fact]
    public void Npz_concatenates_its_arrays_in_entry_name_order()
    {
        var npz = Open("pair.npz");
        Assert.Equal(new ImageHeader(5, 4, 1, 5), npz.Header);
        // Entry "a" holds images 0..1 of the formula, "b" holds 0..2.
        Assert.Equal("a#1", npz.NameOf(1));
        Assert.Equal("b#0", npz.NameOf(2));
        Assert.Equal(TestData.Formula(2, 3, 4, 0) % 256, npz.Decode(4).Samples![3 * 5 + 4]);
        Assert.Equal(TestData.Formula(1, 0, 1, 0) % 256, npz.Decode(1).Samples![1]);
    }

    [Fact]
    public void Npy_header_claiming_too_many_pixels_is_refused_before_allocation()
    {
        var header = "{'descr': '|u1', 'fortran_order': False, 'shape': (100000, 100000), }";
        header = header.PadRight(118) + "\n";
        var bytes = new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)header.Length, 0 }
            .Concat(System.Text.Encoding.ASCII.GetBytes(header)).ToArray();
        var e = Assert.Throws<SpectraException>(() => new NpyCodec().Open(bytes, new ImageDecodeLimits { MaxPixels = 1_000_000 }));
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
        // Within the limit, a header whose data is missing is an unexpected end, not an allocation.
        var e2 = Assert.Throws<SpectraException>(() => new NpyCodec().Open(bytes, ImageDecodeLimits.Default with { MaxPixels = 20_000_000_000, MaxContainerSamples = 20_000_000_000 }));
        Assert.Contains("unexpected end", e2.Message);
    }

    [Theory]
    [InlineData("rgb24.bmp", "f6b737833b5cbafafadad8e11c533dba86cd108e5047c015d0516bf1fd8227db")]
    [InlineData("pal8.bmp", "649e675205a35aa1a85c278856731d8b4d9fa356cbc7aa0c18ef1528cdf34491")]
    [InlineData("mono1.bmp", "b9e59070129809083b5d6ae5aa87cf3619fe0739aba8915762cf65cd05f42329")]
    public void Bmp_pixels_equal_pils_decode(string name, string sha256OfRgb)
    {
        var im = new BmpCodec().Decode(File.ReadAllBytes(TestData.PathOf(name)), ImageDecodeLimits.Default);
        Assert.Equal(3, im.Channels);
        Assert.Equal(sha256OfRgb, TestData.Sha256(im.Samples!.Select(s => (byte)s)));
    }

    [Fact]
    public void Plain_and_binary_netpbm_agree_and_pbm_one_is_black()
    {
        var codec = new NetpbmCodec();
        var plain = codec.Decode("P2\n# comment\n3 2\n65535\n0 1 65535\n300 2 7\n"u8, ImageDecodeLimits.Default);
        var binary = codec.Decode("P5 3 2 65535\n"u8.ToArray().Concat(new byte[] { 0, 0, 0, 1, 255, 255, 1, 44, 0, 2, 0, 7 }).ToArray(), ImageDecodeLimits.Default);
        Assert.Equal(plain.Samples, binary.Samples);
        Assert.Equal(new ushort[] { 0, 1, 65535, 300, 2, 7 }, plain.Samples);
        var pbm = codec.Decode("P1 3 1 1 0 1"u8, ImageDecodeLimits.Default);
        Assert.Equal(new ushort[] { 0, 1, 0 }, pbm.Samples);
        var packed = codec.Decode(new byte[] { (byte)'P', (byte)'4', (byte)'\n', (byte)'3', (byte)' ', (byte)'1', (byte)'\n', 0b1010_0000 }, ImageDecodeLimits.Default);
        Assert.Equal(pbm.Samples, packed.Samples);
        var e = Assert.Throws<SpectraException>(() => codec.Decode("P5 3 2 255\n\u0001"u8, ImageDecodeLimits.Default));
        Assert.Contains("unexpected end", e.Message);
    }
}
