using static Spectra.Data.Images.Codecs.Jpeg.Idct;

namespace Spectra.Data.Images.Codecs.Jpeg;

/// <summary>
/// <see cref="Idct"/>'s two passes on eight columns (then eight rows) at once, in 32-bit lanes with the
/// same constants, shifts and rounding, so every sample equals the scalar path's: integer addition,
/// multiplication and shifts give the same bits in a lane as in a scalar register. Rows become lanes
/// for the second pass by an 8×8 transpose, and the result is transposed back before it is stored.
/// </summary>
[SkipLocalsInit]
internal static class IdctAvx2
{
    public static bool IsSupported => Avx2.IsSupported;

    /// <summary><paramref name="block"/>: 64 dequantized coefficients in natural (row-major) order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transform(ReadOnlySpan<int> block, Span<byte> output, int stride)
    {
        ref int c = ref MemoryMarshal.GetReference(block);
        Vector256<int> r0 = Load(ref c, 0), r1 = Load(ref c, 1), r2 = Load(ref c, 2), r3 = Load(ref c, 3),
            r4 = Load(ref c, 4), r5 = Load(ref c, 5), r6 = Load(ref c, 6), r7 = Load(ref c, 7);
        Butterfly(r0, r1, r2, r3, r4, r5, r6, r7,
            ConstBits - Pass1Bits, out var w0, out var w1, out var w2, out var w3, out var w4, out var w5, out var w6, out var w7);
        // The scalar pass gives a column without AC terms DC << 2 directly; equal to the butterfly unless
        // an out-of-range coefficient overflows it, and kept so that even a hostile file decodes the same.
        var dcOnly = Vector256.Equals(r1 | r2 | r3 | r4 | r5 | r6 | r7, Vector256<int>.Zero);
        if (dcOnly != Vector256<int>.Zero)
        {
            var dc = Vector256.ShiftLeft(r0, Pass1Bits);
            w0 = Vector256.ConditionalSelect(dcOnly, dc, w0);
            w1 = Vector256.ConditionalSelect(dcOnly, dc, w1);
            w2 = Vector256.ConditionalSelect(dcOnly, dc, w2);
            w3 = Vector256.ConditionalSelect(dcOnly, dc, w3);
            w4 = Vector256.ConditionalSelect(dcOnly, dc, w4);
            w5 = Vector256.ConditionalSelect(dcOnly, dc, w5);
            w6 = Vector256.ConditionalSelect(dcOnly, dc, w6);
            w7 = Vector256.ConditionalSelect(dcOnly, dc, w7);
        }
        Transpose(ref w0, ref w1, ref w2, ref w3, ref w4, ref w5, ref w6, ref w7);
        // The level shift (128) and the rounding of the final descale are folded into the DC term.
        w0 += Vector256.Create(128 << (Pass1Bits + 3));
        Butterfly(w0, w1, w2, w3, w4, w5, w6, w7, ConstBits + Pass1Bits + 3,
            out var o0, out var o1, out var o2, out var o3, out var o4, out var o5, out var o6, out var o7);
        Transpose(ref o0, ref o1, ref o2, ref o3, ref o4, ref o5, ref o6, ref o7);
        Store(o0, o1, o2, o3, output, 0, stride);
        Store(o4, o5, o6, o7, output, 4, stride);
    }

    private static Vector256<int> Load(ref int block, int row) => Vector256.LoadUnsafe(ref block, (nuint)(row * 8));

    /// <summary>Four rows clamped to 0..255 and narrowed to bytes, eight per row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<int> a, Vector256<int> b, Vector256<int> c, Vector256<int> d, Span<byte> output, int row, int stride)
    {
        var lo = Vector256.Create(0);
        var hi = Vector256.Create(255);
        var ab = Vector256.Narrow(Vector256.Min(Vector256.Max(a, lo), hi), Vector256.Min(Vector256.Max(b, lo), hi)).AsUInt16();
        var cd = Vector256.Narrow(Vector256.Min(Vector256.Max(c, lo), hi), Vector256.Min(Vector256.Max(d, lo), hi)).AsUInt16();
        var bytes = Vector256.Narrow(ab, cd).AsUInt64();
        for (int i = 0; i < 4; i++)
            MemoryMarshal.Write(output.Slice((row + i) * stride, 8), bytes.GetElement(i));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(Vector256<int> i0, Vector256<int> i1, Vector256<int> i2, Vector256<int> i3,
        Vector256<int> i4, Vector256<int> i5, Vector256<int> i6, Vector256<int> i7, int shift,
        out Vector256<int> o0, out Vector256<int> o1, out Vector256<int> o2, out Vector256<int> o3,
        out Vector256<int> o4, out Vector256<int> o5, out Vector256<int> o6, out Vector256<int> o7)
    {
        // Even part.
        var z1 = (i2 + i6) * F0541;
        var t2 = z1 - i6 * F1847;
        var t3 = z1 + i2 * F0765;
        var t0 = Vector256.ShiftLeft(i0 + i4, ConstBits);
        var t1 = Vector256.ShiftLeft(i0 - i4, ConstBits);
        var t10 = t0 + t3;
        var t13 = t0 - t3;
        var t11 = t1 + t2;
        var t12 = t1 - t2;
        // Odd part.
        var a0 = i7;
        var a1 = i5;
        var a2 = i3;
        var a3 = i1;
        var s1 = a0 + a3;
        var s2 = a1 + a2;
        var s3 = a0 + a2;
        var s4 = a1 + a3;
        var z5 = (s3 + s4) * F1175;
        a0 *= F0298;
        a1 *= F2053;
        a2 *= F3072;
        a3 *= F1501;
        s1 *= -F0899;
        s2 *= -F2562;
        s3 = s3 * -F1961 + z5;
        s4 = s4 * -F0390 + z5;
        a0 += s1 + s3;
        a1 += s2 + s4;
        a2 += s2 + s3;
        a3 += s1 + s4;
        var round = Vector256.Create(1 << (shift - 1));
        t10 += round;
        t11 += round;
        t12 += round;
        t13 += round;
        o0 = Vector256.ShiftRightArithmetic(t10 + a3, shift);
        o7 = Vector256.ShiftRightArithmetic(t10 - a3, shift);
        o1 = Vector256.ShiftRightArithmetic(t11 + a2, shift);
        o6 = Vector256.ShiftRightArithmetic(t11 - a2, shift);
        o2 = Vector256.ShiftRightArithmetic(t12 + a1, shift);
        o5 = Vector256.ShiftRightArithmetic(t12 - a1, shift);
        o3 = Vector256.ShiftRightArithmetic(t13 + a0, shift);
        o4 = Vector256.ShiftRightArithmetic(t13 - a0, shift);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(ref Vector256<int> r0, ref Vector256<int> r1, ref Vector256<int> r2, ref Vector256<int> r3,
        ref Vector256<int> r4, ref Vector256<int> r5, ref Vector256<int> r6, ref Vector256<int> r7)
    {
        var t0 = Avx2.UnpackLow(r0, r1).AsInt64();
        var t1 = Avx2.UnpackHigh(r0, r1).AsInt64();
        var t2 = Avx2.UnpackLow(r2, r3).AsInt64();
        var t3 = Avx2.UnpackHigh(r2, r3).AsInt64();
        var t4 = Avx2.UnpackLow(r4, r5).AsInt64();
        var t5 = Avx2.UnpackHigh(r4, r5).AsInt64();
        var t6 = Avx2.UnpackLow(r6, r7).AsInt64();
        var t7 = Avx2.UnpackHigh(r6, r7).AsInt64();
        var u0 = Avx2.UnpackLow(t0, t2).AsInt32();
        var u1 = Avx2.UnpackHigh(t0, t2).AsInt32();
        var u2 = Avx2.UnpackLow(t1, t3).AsInt32();
        var u3 = Avx2.UnpackHigh(t1, t3).AsInt32();
        var u4 = Avx2.UnpackLow(t4, t6).AsInt32();
        var u5 = Avx2.UnpackHigh(t4, t6).AsInt32();
        var u6 = Avx2.UnpackLow(t5, t7).AsInt32();
        var u7 = Avx2.UnpackHigh(t5, t7).AsInt32();
        r0 = Avx2.Permute2x128(u0, u4, 0x20);
        r4 = Avx2.Permute2x128(u0, u4, 0x31);
        r1 = Avx2.Permute2x128(u1, u5, 0x20);
        r5 = Avx2.Permute2x128(u1, u5, 0x31);
        r2 = Avx2.Permute2x128(u2, u6, 0x20);
        r6 = Avx2.Permute2x128(u2, u6, 0x31);
        r3 = Avx2.Permute2x128(u3, u7, 0x20);
        r7 = Avx2.Permute2x128(u3, u7, 0x31);
    }
}
