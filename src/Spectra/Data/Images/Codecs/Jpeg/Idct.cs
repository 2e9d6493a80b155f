namespace Spectra.Data.Images.Codecs.Jpeg;

/// <summary>
/// The accurate integer inverse DCT (the Loeffler–Ligtenberg–Moschytz factorisation with 13-bit
/// constants and two extra bits of precision between the passes), which is what libjpeg's default
/// "islow" method computes; output is level-shifted by 128 and clamped to 0..255.
/// </summary>
[SkipLocalsInit]
internal static class Idct
{
    // Shared with IdctAvx2, which must compute the same bits.
    internal const int ConstBits = 13, Pass1Bits = 2;
    internal const int F0298 = 2446, F0390 = 3196, F0541 = 4433, F0765 = 6270, F0899 = 7373, F1175 = 9633,
        F1501 = 12299, F1847 = 15137, F1961 = 16069, F2053 = 16819, F2562 = 20995, F3072 = 25172;

    public static readonly byte[] ZigZag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
        28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
        54, 47, 55, 62, 63,
    ];

    /// <summary>Dequantizes a zigzag-ordered block and writes the 8×8 samples at <paramref name="output"/> with the given stride.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transform(ReadOnlySpan<short> zigzag, ReadOnlySpan<ushort> quantZigzag, Span<byte> output, int stride)
    {
        if (zigzag[1..].IndexOfAnyExcept((short)0) < 0)
        {
            // DC only: both passes reduce to one rounded shift, exactly as in the general path.
            int dc = zigzag[0] * quantZigzag[0];
            byte v = Clamp((((dc << Pass1Bits) + (1 << (Pass1Bits + 2))) >> (Pass1Bits + 3)) + 128);
            for (int r = 0; r < 8; r++) output.Slice(r * stride, 8).Fill(v);
            return;
        }
        if (zigzag.Length < 64 || quantZigzag.Length < 64) throw new ArgumentException("a block has 64 coefficients");
        Span<int> c = stackalloc int[64];
        // Indices are in range by construction (k < 64, ZigZag[k] < 64): no per-element bounds checks.
        ref short z = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(zigzag);
        ref ushort q = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(quantZigzag);
        ref byte order = ref ZigZag[0];
        ref int natural = ref c[0];
        for (int k = 0; k < 64; k++)
            Unsafe.Add(ref natural, Unsafe.Add(ref order, k)) = Unsafe.Add(ref z, k) * Unsafe.Add(ref q, k);
        if (IdctAvx2.IsSupported) IdctAvx2.Transform(c, output, stride);
        else TransformScalar(c, output, stride);
    }

    /// <summary>Both passes one column, then one row, at a time; <paramref name="c"/> is dequantized, in natural order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void TransformScalar(ReadOnlySpan<int> c, Span<byte> output, int stride)
    {
        Span<int> ws = stackalloc int[64];
        for (int col = 0; col < 8; col++)
        {
            if (c[8 + col] == 0 && c[16 + col] == 0 && c[24 + col] == 0 && c[32 + col] == 0 &&
                c[40 + col] == 0 && c[48 + col] == 0 && c[56 + col] == 0)
            {
                int dc = c[col] << Pass1Bits;
                for (int r = 0; r < 8; r++) ws[r * 8 + col] = dc;
                continue;
            }
            Butterfly(c[col], c[8 + col], c[16 + col], c[24 + col], c[32 + col], c[40 + col], c[48 + col], c[56 + col],
                ConstBits - Pass1Bits, out var o0, out var o1, out var o2, out var o3, out var o4, out var o5, out var o6, out var o7);
            ws[col] = o0; ws[8 + col] = o1; ws[16 + col] = o2; ws[24 + col] = o3;
            ws[32 + col] = o4; ws[40 + col] = o5; ws[48 + col] = o6; ws[56 + col] = o7;
        }
        for (int r = 0; r < 8; r++)
        {
            int b = r * 8;
            // The level shift (128) and the rounding of the final descale are folded into the DC term.
            int dc = ws[b] + (128 << (Pass1Bits + 3));
            Butterfly(dc, ws[b + 1], ws[b + 2], ws[b + 3], ws[b + 4], ws[b + 5], ws[b + 6], ws[b + 7],
                ConstBits + Pass1Bits + 3, out var o0, out var o1, out var o2, out var o3, out var o4, out var o5, out var o6, out var o7);
            var row = output.Slice(r * stride, 8);
            row[0] = Clamp(o0); row[1] = Clamp(o1); row[2] = Clamp(o2); row[3] = Clamp(o3);
            row[4] = Clamp(o4); row[5] = Clamp(o5); row[6] = Clamp(o6); row[7] = Clamp(o7);
        }
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7, int shift,
        out int o0, out int o1, out int o2, out int o3, out int o4, out int o5, out int o6, out int o7)
    {
        // Even part.
        int z1 = (i2 + i6) * F0541;
        int t2 = z1 - i6 * F1847;
        int t3 = z1 + i2 * F0765;
        int t0 = (i0 + i4) << ConstBits;
        int t1 = (i0 - i4) << ConstBits;
        int t10 = t0 + t3, t13 = t0 - t3, t11 = t1 + t2, t12 = t1 - t2;
        // Odd part.
        int a0 = i7, a1 = i5, a2 = i3, a3 = i1;
        int s1 = a0 + a3, s2 = a1 + a2, s3 = a0 + a2, s4 = a1 + a3;
        int z5 = (s3 + s4) * F1175;
        a0 *= F0298; a1 *= F2053; a2 *= F3072; a3 *= F1501;
        s1 *= -F0899; s2 *= -F2562; s3 *= -F1961; s4 *= -F0390;
        s3 += z5; s4 += z5;
        a0 += s1 + s3; a1 += s2 + s4; a2 += s2 + s3; a3 += s1 + s4;
        int round = 1 << (shift - 1);
        o0 = (t10 + a3 + round) >> shift; o7 = (t10 - a3 + round) >> shift;
        o1 = (t11 + a2 + round) >> shift; o6 = (t11 - a2 + round) >> shift;
        o2 = (t12 + a1 + round) >> shift; o5 = (t12 - a1 + round) >> shift;
        o3 = (t13 + a0 + round) >> shift; o4 = (t13 - a0 + round) >> shift;
    }
}
