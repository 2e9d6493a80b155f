namespace Spectra.Data.Images.Codecs.Jpeg;

/// <summary>YCbCr → RGB (JFIF, full range) in libjpeg's 16-bit fixed point, and CMYK/YCCK → RGB for Adobe files.</summary>
internal static class ColorConverter
{
    private const int ScaleBits = 16, Half = 1 << (ScaleBits - 1);
    private static int Fix(double x) => (int)(x * (1 << ScaleBits) + 0.5);
    private static readonly int FixCrR = Fix(1.40200), FixCbB = Fix(1.77200), FixCrG = Fix(0.71414), FixCbG = Fix(0.34414);
    private static readonly int[] CrR = new int[256], CbB = new int[256], CrG = new int[256], CbG = new int[256];

    static ColorConverter()
    {
        for (int i = 0; i < 256; i++)
        {
            int x = i - 128;
            CrR[i] = (FixCrR * x + Half) >> ScaleBits;
            CbB[i] = (FixCbB * x + Half) >> ScaleBits;
            CrG[i] = -FixCrG * x;
            CbG[i] = -FixCbG * x + Half;
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

    /// <summary>
    /// Gray from YCbCr in one pass: dst[i] = r·R + g·G + b·B of the clamped RGB that <see cref="YCbCrToRgb"/>
    /// gives, bit for bit (the same integer arithmetic, then the same double products and sums in the same
    /// order), eight pixels at a time where AVX2 exists.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void YCbCrToLuma(byte[] y, byte[] cb, byte[] cr, Span<double> dst, double r, double g, double b)
    {
        int n = dst.Length, i = 0;
        if (y.Length < n || cb.Length < n || cr.Length < n) throw new ArgumentException("a plane is shorter than the image");
        fixed (byte* ys = y, cbs = cb, crs = cr)
        fixed (double* o = dst)
        {
            if (Avx2.IsSupported)
            {
                Vector256<int> center = Vector256.Create(128), half = Vector256.Create(Half), zero = Vector256<int>.Zero, top = Vector256.Create(255);
                Vector256<int> kr = Vector256.Create(FixCrR), kb = Vector256.Create(FixCbB), kgr = Vector256.Create(-FixCrG), kgb = Vector256.Create(-FixCbG);
                Vector256<double> wr = Vector256.Create(r), wg = Vector256.Create(g), wb = Vector256.Create(b);
                for (; i <= n - 8; i += 8)
                {
                    var l = Avx2.ConvertToVector256Int32(ys + i);
                    var xb = Avx2.Subtract(Avx2.ConvertToVector256Int32(cbs + i), center);
                    var xr = Avx2.Subtract(Avx2.ConvertToVector256Int32(crs + i), center);
                    var red = Avx2.Add(l, Avx2.ShiftRightArithmetic(Avx2.Add(Avx2.MultiplyLow(kr, xr), half), ScaleBits));
                    var blue = Avx2.Add(l, Avx2.ShiftRightArithmetic(Avx2.Add(Avx2.MultiplyLow(kb, xb), half), ScaleBits));
                    var green = Avx2.Add(l, Avx2.ShiftRightArithmetic(Avx2.Add(Avx2.Add(Avx2.MultiplyLow(kgb, xb), half), Avx2.MultiplyLow(kgr, xr)), ScaleBits));
                    red = Avx2.Min(Avx2.Max(red, zero), top);
                    green = Avx2.Min(Avx2.Max(green, zero), top);
                    blue = Avx2.Min(Avx2.Max(blue, zero), top);
                    Avx.Store(o + i, Luma(red.GetLower(), green.GetLower(), blue.GetLower(), wr, wg, wb));
                    Avx.Store(o + i + 4, Luma(red.GetUpper(), green.GetUpper(), blue.GetUpper(), wr, wg, wb));
                }
            }
            fixed (int* crR = CrR, cbB = CbB, crG = CrG, cbG = CbG)
            fixed (ushort* range = Range)
                for (; i < n; i++)
                {
                    int l = ys[i] + RangeOffset, bb = cbs[i], rr = crs[i];
                    o[i] = r * range[l + crR[rr]] + g * range[l + ((cbG[bb] + crG[rr]) >> ScaleBits)] + b * range[l + cbB[bb]];
                }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Luma(Vector128<int> red, Vector128<int> green, Vector128<int> blue, Vector256<double> wr, Vector256<double> wg, Vector256<double> wb) =>
        Avx.Add(Avx.Add(Avx.Multiply(wr, Avx.ConvertToVector256Double(red)), Avx.Multiply(wg, Avx.ConvertToVector256Double(green))),
            Avx.Multiply(wb, Avx.ConvertToVector256Double(blue)));

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
