namespace Spectra.Tests.Data.Images;

public class JpegCmykTests
{
    [Fact]
    public void Adobe_cmyk_becomes_rgb_by_multiplying_out_the_black()
    {
        // Solid C=0, M=128, Y=255, K=64 (ink amounts): R = (255−C)(255−K)/255, and so on.
        var im = new JpegCodec().Decode(File.ReadAllBytes(TestData.PathOf("cmyk_solid.jpg")), ImageDecodeLimits.Default);
        Assert.Equal(3, im.Channels);
        double k = (255 - 64) / 255.0;
        var expected = new[] { 255 * k, (255 - 128) * k, 0 };
        for (int p = 0; p < im.Width * im.Height; p++)
        for (int c = 0; c < 3; c++)
            Assert.InRange(im.Samples![3 * p + c], expected[c] - 3, expected[c] + 3);
    }
}
