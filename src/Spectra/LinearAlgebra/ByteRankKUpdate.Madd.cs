namespace Spectra.LinearAlgebra;

/// <summary>
/// The AVX-512BW kernel, for processors without AVX-VNNI (.NET exposes VNNI only in its 256-bit VEX form):
/// each 32-bit word holds two rows of a feature as 16-bit integers, and vpmaddwd adds the two products
/// x_i x_j of a word into one int32 lane. Values are 0 … 255, so no shift is needed and a lane takes at most
/// 2 · 255² per step of two rows.
/// </summary>
internal static unsafe partial class ByteRankKUpdate
{
    private const int PairTileCols = 8; // C's columns in one AVX-512 tile: eight accumulators of 16 lanes

    /// <summary>
    /// Packs rows into panels of 16 features: word (step g, feature f) holds rows 2g and 2g + 1 of f as 16-bit
    /// integers, panel by panel. Missing rows and features are zeros. The sums of panels
    /// <paramref name="firstPanel"/> … <paramref name="endPanel"/> − 1 are added to <paramref name="sums"/>.
    /// </summary>
    private static void PackPairs(byte* x, int depth, int n, int groups, int firstPanel, int endPanel, uint* packed, long* sums)
    {
        int full = n / Panel;
        Span<byte> tail = stackalloc byte[2 * Panel];
        for (int g = 0; g < groups; g++)
        {
            int have = Math.Min(2, depth - 2 * g);
            byte* r0 = x + (long)(2 * g) * n;
            for (int p = firstPanel; p < endPanel; p++)
            {
                Vector128<byte> a, b;
                if (p < full && have == 2)
                {
                    a = Vector128.Load(r0 + p * Panel);
                    b = Vector128.Load(r0 + n + p * Panel);
                }
                else
                {
                    CopyTail(r0, n, p, have, tail);
                    a = Vector128.Create(tail[..16]);
                    b = Vector128.Create(tail.Slice(16, 16));
                }
                var (a0, a1) = Vector128.Widen(a);
                var (b0, b1) = Vector128.Widen(b);
                var w0 = Sse2.UnpackLow(a0, b0).AsInt16();
                var w1 = Sse2.UnpackHigh(a0, b0).AsInt16();
                var w2 = Sse2.UnpackLow(a1, b1).AsInt16();
                var w3 = Sse2.UnpackHigh(a1, b1).AsInt16();
                short* to = (short*)(packed + (long)(p * groups + g) * Panel);
                w0.Store(to); w1.Store(to + 8); w2.Store(to + 16); w3.Store(to + 24);
                // Each word's two values summed: the feature's sum over the two rows.
                long* sum = sums + p * Panel;
                AddWordSums(w0, sum);
                AddWordSums(w1, sum + 4);
                AddWordSums(w2, sum + 8);
                AddWordSums(w3, sum + 12);
            }
        }
    }

    private static void ItemPairs(uint* packed, int groups, int n, long* c, int ib, int jb)
    {
        int iLo = ib * BlockFeatures, iHi = Math.Min(n, iLo + BlockFeatures);
        int jLo = jb * BlockFeatures, jHi = Math.Min(n, jLo + BlockFeatures);
        for (int j0 = jLo; j0 < jHi; j0 += PairTileCols)
        {
            // Panels wholly above the diagonal (every row i < j0) are skipped.
            int iStart = Math.Max(iLo, j0 / Panel * Panel);
            uint* cols = packed + ((long)(j0 / Panel) * groups * Panel) + (j0 % Panel);
            for (int i0 = iStart; i0 < iHi; i0 += Panel)
                PairTile(packed + (long)(i0 / Panel) * groups * Panel, cols, groups, c, n, i0, j0);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PairTile(uint* rowPanel, uint* cols, int groups, long* c, int n, int i0, int j0)
    {
        // Eight named accumulators, the column loop written out, so that the JIT keeps them in registers.
        Vector512<int> a0 = default, a1 = default, a2 = default, a3 = default,
            a4 = default, a5 = default, a6 = default, a7 = default;
        for (int g = 0; g < groups; g++)
        {
            var rows = Vector512.Load((short*)(rowPanel + g * Panel));
            uint* w = cols + g * Panel;
            a0 += Avx512BW.MultiplyAddAdjacent(rows, Vector512.Create(w[0]).AsInt16());
            a1 += Avx512BW.MultiplyAddAdjacent(rows, Vector512.Create(w[1]).AsInt16());
            a2 += Avx512BW.MultiplyAddAdjacent(rows, Vector512.Create(w[2]).AsInt16());
            a3 += Avx512BW.MultiplyAddAdjacent(rows, Vector512.Create(w[3]).AsInt16());
            a4 += Avx512BW.MultiplyAddAdjacent(rows, Vector512.Create(w[4]).AsInt16());
            a5 += Avx512BW.MultiplyAddAdjacent(rows, Vector512.Create(w[5]).AsInt16());
            a6 += Avx512BW.MultiplyAddAdjacent(rows, Vector512.Create(w[6]).AsInt16());
            a7 += Avx512BW.MultiplyAddAdjacent(rows, Vector512.Create(w[7]).AsInt16());
        }
        FoldPairs(a0, c, n, i0, j0);
        FoldPairs(a1, c, n, i0, j0 + 1);
        FoldPairs(a2, c, n, i0, j0 + 2);
        FoldPairs(a3, c, n, i0, j0 + 3);
        FoldPairs(a4, c, n, i0, j0 + 4);
        FoldPairs(a5, c, n, i0, j0 + 5);
        FoldPairs(a6, c, n, i0, j0 + 6);
        FoldPairs(a7, c, n, i0, j0 + 7);
    }

    /// <summary>Adds one column of a tile to the 64-bit totals: only entries on or below the diagonal and inside C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FoldPairs(Vector512<int> lanes, long* c, int n, int i0, int j)
    {
        if (j >= n) return;
        long* col = c + (long)j * n + i0;
        if (i0 >= j && i0 + Panel <= n)
        {
            var (lo, hi) = Vector512.Widen(lanes);
            Vector512.Store(Vector512.Load(col) + lo, col);
            Vector512.Store(Vector512.Load(col + 8) + hi, col + 8);
            return;
        }
        for (int l = 0; l < Panel; l++)
        {
            int i = i0 + l;
            if (i < j || i >= n) continue;
            col[l] += lanes.GetElement(l);
        }
    }
}
