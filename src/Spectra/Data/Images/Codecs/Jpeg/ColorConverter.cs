using System.Runtime.CompilerServices;

namespace Spectra.Data.Images.Codecs.Jpeg;

/// <summary>YCbCr → RGB (JFIF, full range) in libjpeg's 16-bit fixed point, and CMYK/YCCK → RGB for Adobe files.</summary>
internal static class ColorConverter
{
    private const int ScaleBits = 16, Half = 1 << (ScaleBits - 1);
    private static readonly int[] CrR = new int[256], CbB = new int[256], CrG = new int[256], CbG = new int[256];

    static ColorConverter()
    {
        static int Fix(double x) => (int)(x * (1 << ScaleBits) + 0.5);
        for (int i = 0; i < 256; i++)
        {
            int x = i - 128;
            CrR[i] = (Fix(1.40200) * x + Half) >> ScaleBits;
            CbB[i] = (Fix(1.77200) * x + Half) >> ScaleBits;
            CrG[i] = -Fix(0.71414) * x;
            CbG[i] = -Fix(0.34414) * x + Half;
        }
    }

    private static ushort Clamp(int v) => (ushort)Math.Clamp(v, 0, 255);

    // Sample + offset → clamped sample, for offsets within ±(255 + 227): no branches in the pixel loop.
    private const int RangeOffset = 512;
    private static readonly ushort[] Range = Enumerable.Range(-RangeOffset, 3 * RangeOffset).Select(v => (ushort)Math.Clamp(v, 0, 255)).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void YCbCrToRgb(byte[] y, byte[] cb, byte[] cr, Span<ushort> rgb)
    {
        int n = rgb.Length / 3;
        if (y.Length < n || cb.Length < n || cr.Length < n) throw new ArgumentException("a plane is shorter than the image");
        // Pointers: every table index is in range by construction (a byte, or a sample plus an offset
        // within ±RangeOffset), so per-lookup bounds checks would only cost time.
        fixed (byte* ys = y, cbs = cb, crs = cr)
        fixed (int* crR = CrR, cbB = CbB, crG = CrG, cbG = CbG)
        fixed (ushort* range = Range, o = rgb)
            for (int i = 0, j = 0; i < n; i++, j += 3)
            {
                int l = ys[i] + RangeOffset, b = cbs[i], r = crs[i];
                o[j] = range[l + crR[r]];
                o[j + 1] = range[l + ((cbG[b] + crG[r]) >> ScaleBits)];
                o[j + 2] = range[l + cbB[b]];
            }
    }

    /// <summary>Adobe CMYK is stored inverted (0 = full ink), so R = C·K/255 on the stored values.</summary>
    public static void CmykToRgb(byte[] c, byte[] m, byte[] y, byte[] k, bool ycck, Span<ushort> rgb)
    {
        for (int i = 0; i < rgb.Length / 3; i++)
        {
            int cc = c[i], mm = m[i], yy = y[i];
            if (ycck)
            {
                // YCCK: the first three planes are YCbCr of (255 − C, 255 − M, 255 − Y).
                int l = c[i], b = m[i], r = y[i];
                cc = 255 - Clamp(l + CrR[r]);
                mm = 255 - Clamp(l + ((CbG[b] + CrG[r]) >> ScaleBits));
                yy = 255 - Clamp(l + CbB[b]);
            }
            int kk = k[i];
            rgb[3 * i] = (ushort)((cc * kk + 127) / 255);
            rgb[3 * i + 1] = (ushort)((mm * kk + 127) / 255);
            rgb[3 * i + 2] = (ushort)((yy * kk + 127) / 255);
        }
    }
}
