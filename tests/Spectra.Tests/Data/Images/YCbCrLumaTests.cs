namespace Spectra.Tests.Data.Images;

/// <summary>
/// A gray row from a colour JPEG is computed straight from its Y, Cb, Cr planes. It must equal, bit for
/// bit, the BT.601 luma of the clamped RGB that the colour conversion gives, for every (Y, Cb, Cr).
/// </summary>
public class YCbCrLumaTests
{
    private const double Scale = 1.0 / 255, R = 0.299 * Scale, G = 0.587 * Scale, B = 0.114 * Scale;

    [Fact]
    public void Gray_from_planes_equals_luma_of_the_rgb_for_every_ycbcr_triple()
    {
        // All 65 536 (Cb, Cr) pairs per row, plus three pixels so the scalar tail runs too.
        const int n = 65_536 + 3;
        var cb = new byte[n];
        var cr = new byte[n];
        for (int i = 0; i < n; i++) (cb[i], cr[i]) = ((byte)(i & 255), (byte)((i >> 8) & 255));
        var y = new byte[n];
        var rgb = new ushort[3 * n];
        var fused = new double[n];
        for (int luma = 0; luma < 256; luma++)
        {
            Array.Fill(y, (byte)luma);
            ColorConverter.YCbCrToRgb(y, cb, cr, rgb);
            ColorConverter.YCbCrToLuma(y, cb, cr, fused, R, G, B);
            for (int i = 0; i < n; i++)
            {
                double expected = R * rgb[3 * i] + G * rgb[3 * i + 1] + B * rgb[3 * i + 2];
                if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(fused[i]))
                    Assert.Fail($"Y={luma} Cb={cb[i]} Cr={cr[i]}: {fused[i]:R} from the planes, {expected:R} from RGB {rgb[3 * i]},{rgb[3 * i + 1]},{rgb[3 * i + 2]}");
            }
        }
    }

    [Fact]
    public void Planes_shorter_than_the_row_are_refused()
    {
        var plane = new byte[7];
        Assert.Throws<ArgumentException>(() => ColorConverter.YCbCrToLuma(plane, plane, plane, new double[8], R, G, B));
    }
}
