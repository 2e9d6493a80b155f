namespace Spectra.Data.Parquet;

/// <summary>
/// Columns to row-major doubles: the step between a row group's decoded columns and a chunk.
/// Eight float columns go at a time through an 8 × 8 register transpose, so every row receives
/// one 64-byte store instead of eight scattered ones.
/// </summary>
internal static class ColumnInterleaver
{
    /// <summary>Writes rows t = 0 … m−1 of eight float columns to values[at + t·d + k], k = 0 … 7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Singles8(ReadOnlySpan<float> c0, ReadOnlySpan<float> c1, ReadOnlySpan<float> c2, ReadOnlySpan<float> c3,
        ReadOnlySpan<float> c4, ReadOnlySpan<float> c5, ReadOnlySpan<float> c6, ReadOnlySpan<float> c7, Span<double> values, int at, int d)
    {
        int m = c0.Length;
        if (c1.Length < m || c2.Length < m || c3.Length < m || c4.Length < m || c5.Length < m || c6.Length < m || c7.Length < m)
            throw new ArgumentException("the columns differ in length");
        if (m == 0) return;
        if (d < 8 || at < 0 || (long)at + (long)(m - 1) * d + 8 > values.Length) throw new ArgumentOutOfRangeException(nameof(at));
        int t = 0;
        if (Avx.IsSupported)
        {
            ref double dst = ref MemoryMarshal.GetReference(values);
            for (; t + 8 <= m; t += 8)
            {
                var r0 = Vector256.Create(c0.Slice(t, 8));
                var r1 = Vector256.Create(c1.Slice(t, 8));
                var r2 = Vector256.Create(c2.Slice(t, 8));
                var r3 = Vector256.Create(c3.Slice(t, 8));
                var r4 = Vector256.Create(c4.Slice(t, 8));
                var r5 = Vector256.Create(c5.Slice(t, 8));
                var r6 = Vector256.Create(c6.Slice(t, 8));
                var r7 = Vector256.Create(c7.Slice(t, 8));
                var t0 = Avx.UnpackLow(r0, r1);
                var t1 = Avx.UnpackHigh(r0, r1);
                var t2 = Avx.UnpackLow(r2, r3);
                var t3 = Avx.UnpackHigh(r2, r3);
                var t4 = Avx.UnpackLow(r4, r5);
                var t5 = Avx.UnpackHigh(r4, r5);
                var t6 = Avx.UnpackLow(r6, r7);
                var t7 = Avx.UnpackHigh(r6, r7);
                var u0 = Avx.Shuffle(t0, t2, 0x44);
                var u1 = Avx.Shuffle(t0, t2, 0xEE);
                var u2 = Avx.Shuffle(t1, t3, 0x44);
                var u3 = Avx.Shuffle(t1, t3, 0xEE);
                var u4 = Avx.Shuffle(t4, t6, 0x44);
                var u5 = Avx.Shuffle(t4, t6, 0xEE);
                var u6 = Avx.Shuffle(t5, t7, 0x44);
                var u7 = Avx.Shuffle(t5, t7, 0xEE);
                // Row k of the block: its eight column values, widened to two four-double stores.
                int o = at + t * d;
                Store(ref dst, o, Avx.Permute2x128(u0, u4, 0x20));
                Store(ref dst, o + d, Avx.Permute2x128(u1, u5, 0x20));
                Store(ref dst, o + 2 * d, Avx.Permute2x128(u2, u6, 0x20));
                Store(ref dst, o + 3 * d, Avx.Permute2x128(u3, u7, 0x20));
                Store(ref dst, o + 4 * d, Avx.Permute2x128(u0, u4, 0x31));
                Store(ref dst, o + 5 * d, Avx.Permute2x128(u1, u5, 0x31));
                Store(ref dst, o + 6 * d, Avx.Permute2x128(u2, u6, 0x31));
                Store(ref dst, o + 7 * d, Avx.Permute2x128(u3, u7, 0x31));
            }
        }
        for (; t < m; t++)
        {
            var row = values.Slice(at + t * d, 8);
            row[0] = c0[t];
            row[1] = c1[t];
            row[2] = c2[t];
            row[3] = c3[t];
            row[4] = c4[t];
            row[5] = c5[t];
            row[6] = c6[t];
            row[7] = c7[t];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref double dst, int offset, Vector256<float> row)
    {
        Avx.ConvertToVector256Double(row.GetLower()).StoreUnsafe(ref dst, (nuint)offset);
        Avx.ConvertToVector256Double(row.GetUpper()).StoreUnsafe(ref dst, (nuint)(offset + 4));
    }

    /// <summary>Four columns of any numeric type, one row at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Any4<T>(ReadOnlySpan<T> a0, ReadOnlySpan<T> a1, ReadOnlySpan<T> a2, ReadOnlySpan<T> a3, Span<double> values, int at, int d)
        where T : struct, System.Numerics.INumberBase<T>
    {
        for (int t = 0; t < a0.Length; t++, at += d)
        {
            var dst = values.Slice(at, 4);
            dst[0] = double.CreateTruncating(a0[t]);
            dst[1] = double.CreateTruncating(a1[t]);
            dst[2] = double.CreateTruncating(a2[t]);
            dst[3] = double.CreateTruncating(a3[t]);
        }
    }
}
