namespace Spectra.Matrices;

/// <summary>
/// Recognises values that are 8-bit integers on a grid, v = k · q exactly (the double the reader made from the
/// integer k), and turns them into the bytes k in one pass: the test, the conversion and the column sums share
/// the loads, so the exact path costs about one read of the chunk before its kernel.
/// </summary>
internal static class ByteGrid
{
    /// <summary>
    /// Writes k = v / q for every value into <paramref name="bytes"/> and adds each row's k to <paramref name="sums"/>
    /// (exact: integers below 2⁵³); false at the first row holding a value that is not k · q for an integer k from 0 to 255.
    /// </summary>
    public static bool TryConvert(ReadOnlySpan<double> values, int d, double quantum, Span<byte> bytes, Span<double> sums)
    {
        int rows = values.Length / d;
        double inverse = 1 / quantum;
        for (int r = 0; r < rows; r++)
            if (!Row(values.Slice(r * d, d), quantum, inverse, bytes.Slice(r * d, d), sums)) return false;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Row(ReadOnlySpan<double> row, double quantum, double inverse, Span<byte> bytes, Span<double> sums)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var q = Vector256.Create(quantum);
            var inv = Vector256.Create(inverse);
            var top = Vector256.Create(255.0);
            var off = Vector256<double>.Zero;
            for (; j + 16 <= row.Length; j += 16)
            {
                var k0 = Step(row, j, q, inv, top, ref off);
                var k1 = Step(row, j + 4, q, inv, top, ref off);
                var k2 = Step(row, j + 8, q, inv, top, ref off);
                var k3 = Step(row, j + 12, q, inv, top, ref off);
                var s = sums.Slice(j, 16);
                (Vector256.Create(s) + k0).CopyTo(s);
                (Vector256.Create(s[4..]) + k1).CopyTo(s[4..]);
                (Vector256.Create(s[8..]) + k2).CopyTo(s[8..]);
                (Vector256.Create(s[12..]) + k3).CopyTo(s[12..]);
                // 0 … 255 by the test above (a value off the grid fails the row, whatever was written).
                var ints = Vector256.Narrow(
                    Vector256.Narrow(Vector256.ConvertToInt64(k0), Vector256.ConvertToInt64(k1)),
                    Vector256.Narrow(Vector256.ConvertToInt64(k2), Vector256.ConvertToInt64(k3)));
                Vector256.Narrow(ints, Vector256<short>.Zero).GetLower().AsByte().CopyTo(bytes.Slice(j, 16));
            }
            if (off != Vector256<double>.Zero) return false;
        }
        for (; j < row.Length; j++)
        {
            var v = row[j];
            var k = Math.Round(v * inverse);
            if (!(k >= 0 && k <= 255 && k * quantum == v)) return false;
            bytes[j] = (byte)k;
            sums[j] += k;
        }
        return true;
    }

    // k = round(v / q); a lane is marked off the grid unless 0 ≤ k ≤ 255 and k · q is v exactly.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Step(ReadOnlySpan<double> row, int j, Vector256<double> q, Vector256<double> inv, Vector256<double> top, ref Vector256<double> off)
    {
        var v = Vector256.Create(row.Slice(j, 4));
        var k = Vector256.Round(v * inv);
        var on = Vector256.Equals(k * q, v) & Vector256.GreaterThanOrEqual(k, Vector256<double>.Zero) & Vector256.LessThanOrEqual(k, top);
        off |= ~on;
        return k;
    }
}
