namespace Spectra.LinearAlgebra;

/// <summary>
/// The VNNI kernel: vpdpbusd multiplies unsigned by signed bytes, so the row side is stored as x − 128 and
/// 128 Σᵣ x_j is added back: Σ x_j x_i = Σ x_j (x_i − 128) + 128 Σ x_j, exact in integers. Each int32 lane
/// takes at most 4 · 255 · 128 per step of four rows.
/// </summary>
internal static unsafe partial class ByteRankKUpdate
{
    private const int TileCols = 4; // C's columns in one VNNI tile (broadcast words)

    /// <summary>
    /// Packs rows into panels of 16 features: word (step g, feature f) holds rows 4g … 4g + 3 of f, one byte each,
    /// panel by panel so a tile reads 64 contiguous bytes per step. Missing rows and features are zero bytes.
    /// Four rows of 16 features are transposed into their 16 words with two rounds of interleaving. The sums of
    /// panels <paramref name="firstPanel"/> … <paramref name="endPanel"/> − 1 are added to <paramref name="sums"/>.
    /// </summary>
    private static void Pack(byte* x, int depth, int n, int groups, int firstPanel, int endPanel, uint* unsigned, uint* shifted, long* sums)
    {
        int full = n / Panel;
        var flip = Vector128.Create((byte)0x80);
        Span<byte> tail = stackalloc byte[4 * Panel];
        for (int g = 0; g < groups; g++)
        {
            int have = Math.Min(4, depth - 4 * g);
            byte* r0 = x + (long)(4 * g) * n;
            for (int p = firstPanel; p < endPanel; p++)
            {
                Vector128<byte> a, b, c, d;
                if (p < full && have == 4)
                {
                    a = Vector128.Load(r0 + p * Panel);
                    b = Vector128.Load(r0 + n + p * Panel);
                    c = Vector128.Load(r0 + 2L * n + p * Panel);
                    d = Vector128.Load(r0 + 3L * n + p * Panel);
                }
                else
                {
                    CopyTail(r0, n, p, have, tail);
                    a = Vector128.Create(tail[..16]);
                    b = Vector128.Create(tail.Slice(16, 16));
                    c = Vector128.Create(tail.Slice(32, 16));
                    d = Vector128.Create(tail.Slice(48, 16));
                }
                var ab0 = Sse2.UnpackLow(a, b).AsUInt16();
                var ab1 = Sse2.UnpackHigh(a, b).AsUInt16();
                var cd0 = Sse2.UnpackLow(c, d).AsUInt16();
                var cd1 = Sse2.UnpackHigh(c, d).AsUInt16();
                var w0 = Sse2.UnpackLow(ab0, cd0).AsByte();
                var w1 = Sse2.UnpackHigh(ab0, cd0).AsByte();
                var w2 = Sse2.UnpackLow(ab1, cd1).AsByte();
                var w3 = Sse2.UnpackHigh(ab1, cd1).AsByte();
                var at = (long)(p * groups + g) * Panel;
                byte* u = (byte*)(unsigned + at), s = (byte*)(shifted + at);
                w0.Store(u); w1.Store(u + 16); w2.Store(u + 32); w3.Store(u + 48);
                (w0 ^ flip).Store(s); (w1 ^ flip).Store(s + 16); (w2 ^ flip).Store(s + 32); (w3 ^ flip).Store(s + 48);
                // Each word's four bytes summed (multiply-add of bytes by ones, then pairs): the feature's sum over the four rows.
                var ones = Vector128.Create((sbyte)1);
                long* sum = sums + p * Panel;
                AddWordSums(Ssse3.MultiplyAddAdjacent(w0, ones), sum);
                AddWordSums(Ssse3.MultiplyAddAdjacent(w1, ones), sum + 4);
                AddWordSums(Ssse3.MultiplyAddAdjacent(w2, ones), sum + 8);
                AddWordSums(Ssse3.MultiplyAddAdjacent(w3, ones), sum + 12);
            }
        }
    }

    // Pairs of 16-bit sums (≤ 510 each) into each word's total, widened and added to four running sums.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddWordSums(Vector128<short> pairs, long* sum)
    {
        var words = Sse2.MultiplyAddAdjacent(pairs, Vector128.Create((short)1));
        var (lo, hi) = Vector128.Widen(words);
        Vector128.Store(Vector128.Load(sum) + lo, sum);
        Vector128.Store(Vector128.Load(sum + 2) + hi, sum + 2);
    }

    private static void Item(uint* unsigned, uint* shifted, long* sums, int groups, int n, int padded, long* c, int ib, int jb)
    {
        int iLo = ib * BlockFeatures, iHi = Math.Min(n, iLo + BlockFeatures);
        int jLo = jb * BlockFeatures, jHi = Math.Min(n, jLo + BlockFeatures);
        for (int j0 = jLo; j0 < jHi; j0 += TileCols)
        {
            // Panels wholly above the diagonal (every row i < j0) are skipped.
            int iStart = Math.Max(iLo, j0 / Panel * Panel);
            uint* cols = unsigned + ((long)(j0 / Panel) * groups * Panel) + (j0 % Panel);
            for (int i0 = iStart; i0 < iHi; i0 += Panel)
                Tile(shifted + (long)(i0 / Panel) * groups * Panel, cols, groups, sums, c, n, i0, j0);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(uint* rowPanel, uint* cols, int groups, long* sums, long* c, int n, int i0, int j0)
    {
        // Eight named accumulators, the column loop written out: the JIT keeps them in registers only so
        // (an array or a loop over columns would spill them to memory on every step).
        Vector256<int> a00 = default, a01 = default, a10 = default, a11 = default,
            a20 = default, a21 = default, a30 = default, a31 = default;
        for (int g = 0; g < groups; g++)
        {
            var lo = Vector256.Load((sbyte*)(rowPanel + g * Panel));
            var hi = Vector256.Load((sbyte*)(rowPanel + g * Panel + 8));
            uint* w = cols + g * Panel;
            var b0 = Vector256.Create(w[0]).AsByte();
            a00 = AvxVnni.MultiplyWideningAndAdd(a00, b0, lo);
            a01 = AvxVnni.MultiplyWideningAndAdd(a01, b0, hi);
            var b1 = Vector256.Create(w[1]).AsByte();
            a10 = AvxVnni.MultiplyWideningAndAdd(a10, b1, lo);
            a11 = AvxVnni.MultiplyWideningAndAdd(a11, b1, hi);
            var b2 = Vector256.Create(w[2]).AsByte();
            a20 = AvxVnni.MultiplyWideningAndAdd(a20, b2, lo);
            a21 = AvxVnni.MultiplyWideningAndAdd(a21, b2, hi);
            var b3 = Vector256.Create(w[3]).AsByte();
            a30 = AvxVnni.MultiplyWideningAndAdd(a30, b3, lo);
            a31 = AvxVnni.MultiplyWideningAndAdd(a31, b3, hi);
        }
        Fold(a00, a01, sums, c, n, i0, j0);
        Fold(a10, a11, sums, c, n, i0, j0 + 1);
        Fold(a20, a21, sums, c, n, i0, j0 + 2);
        Fold(a30, a31, sums, c, n, i0, j0 + 3);
    }

    /// <summary>Adds one column of a tile, with 128 Σ x_j, to the 64-bit totals: only entries on or below the diagonal and inside C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fold(Vector256<int> lo, Vector256<int> hi, long* sums, long* c, int n, int i0, int j)
    {
        if (j >= n) return;
        long back = 128 * sums[j];
        long* col = c + (long)j * n + i0;
        if (i0 >= j && i0 + Panel <= n)
        {
            var add = Vector256.Create(back);
            var (l0, l1) = Vector256.Widen(lo);
            var (h0, h1) = Vector256.Widen(hi);
            Vector256.Store(Vector256.Load(col) + l0 + add, col);
            Vector256.Store(Vector256.Load(col + 4) + l1 + add, col + 4);
            Vector256.Store(Vector256.Load(col + 8) + h0 + add, col + 8);
            Vector256.Store(Vector256.Load(col + 12) + h1 + add, col + 12);
            return;
        }
        for (int l = 0; l < Panel; l++)
        {
            int i = i0 + l;
            if (i < j || i >= n) continue;
            col[l] += (l < 8 ? lo.GetElement(l) : hi.GetElement(l - 8)) + back;
        }
    }

}
