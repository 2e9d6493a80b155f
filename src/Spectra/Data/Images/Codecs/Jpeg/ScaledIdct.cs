using static Spectra.Data.Images.Codecs.Jpeg.Idct;

namespace Spectra.Data.Images.Codecs.Jpeg;

/// <summary>
/// The inverse DCT of an 8×8 block straight to n×n samples (n = 4, 2 or 1), sample (y, x) being the
/// mean of the s×s cell (s = 8 / n) that the full inverse DCT would give there, before its rounding.
/// <para>
/// Derivation. The 8-point inverse DCT is f(x) = ½ Σᵤ C(u) F(u) cos((2x+1)uπ/16), C(0) = 1/√2. Its mean
/// over the cell x = sk … sk+s−1 is ½ Σᵤ C(u) F(u) Bₛ(k, u) with Bₛ(k, u) = (1/s) Σⱼ cos((2(sk+j)+1)uπ/16):
/// a linear map from the 8 coefficients to n samples, separable in two dimensions like the full
/// transform. Bₛ(k, u) = aₛ(u) cos((2k+1)uπ/(2n)) with aₛ(u) = (1/s) Σⱼ cos((2j+1−s)uπ/16), so the result
/// is the n-point inverse DCT of the low-frequency corner, each coefficient weighted by aₛ(u), plus the
/// higher frequencies folded onto it (cos((2k+1)(2n−u)π/(2n)) = −cos((2k+1)uπ/(2n))). Keeping only the
/// corner would alias: an edge's odd high frequencies would be dropped, not averaged; with the folding,
/// a reduced decode followed by a box average is the full decode's box average up to rounding. This is
/// also the map libjpeg's reduced-size transforms (jidctred.c, which PIL's <c>draft</c> uses) compute.
/// </para>
/// <para>
/// In two dimensions the ½ C(u) · ½ C(v) factor is (1/8)(√2 C(u))(√2 C(v)), so the tables below hold
/// √2 C(u) Bₛ(k, u) in 13-bit fixed point and the final shift divides by 8, as in <see cref="Idct"/>. The
/// DC weight is then exactly 1 (1 &lt;&lt; 13): a flat block gives the full transform's value bit for bit.
/// Weights of zero (u = 4 for s = 2; every even u > 0 for s = 4) are left out of the sums.
/// </para>
/// </summary>
[SkipLocalsInit]
internal static class ScaledIdct
{
    // s = 2, n = 4: row k = 0 (k = 3 is its mirror, odd weights negated) and row k = 1 (mirror k = 2).
    private const int A1 = 10498, A2 = 7568, A3 = 3686, A5 = -2463, A6 = -3135, A7 = -2088;
    private const int B1 = 4348, B3 = -8900, B5 = 5946, B7 = -865;
    // Row k = 1's even weights are row 0's negated: cos(3uπ/8) = −cos(uπ/8) for u = 2, 6.
    private const int B2 = -A2, B6 = -A6;
    // s = 4, n = 2: row k = 0 (k = 1 is its mirror); even weights above the DC are zero.
    private const int D1 = 7423, D3 = -2607, D5 = 1742, D7 = -1477;

    private const int Pass1Shift = ConstBits - Pass1Bits, Pass2Shift = ConstBits + Pass1Bits + 3;

    /// <summary>The fixed-point weights √2 C(u) Bₛ(k, u) · 2¹³ as n rows of 8, for a test to hold them to the definition.</summary>
    internal static int[][] Weights(int n) => n switch
    {
        4 =>
        [
            [1 << ConstBits, A1, A2, A3, 0, A5, A6, A7],
            [1 << ConstBits, B1, B2, B3, 0, B5, B6, B7],
            [1 << ConstBits, -B1, B2, -B3, 0, -B5, B6, -B7],
            [1 << ConstBits, -A1, A2, -A3, 0, -A5, A6, -A7],
        ],
        2 =>
        [
            [1 << ConstBits, D1, 0, D3, 0, D5, 0, D7],
            [1 << ConstBits, -D1, 0, -D3, 0, -D5, 0, -D7],
        ],
        1 => [[1 << ConstBits, 0, 0, 0, 0, 0, 0, 0]],
        _ => throw new ArgumentOutOfRangeException(nameof(n)),
    };

    /// <summary>Dequantizes a zigzag-ordered block and writes its n×n samples (n = 1, 2, 4 or 8) at <paramref name="output"/> with the given stride.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transform(ReadOnlySpan<short> zigzag, ReadOnlySpan<ushort> quantZigzag, int n, Span<byte> output, int stride)
    {
        if (n == 8)
        {
            Idct.Transform(zigzag, quantZigzag, output, stride);
            return;
        }
        if (n == 1 || zigzag[1..].IndexOfAnyExcept((short)0) < 0)
        {
            // The cell means of a block are its DC alone when n = 1 (every AC weight is zero), and when
            // there is no AC term; the expression is the full transform's DC-only one.
            int dc = zigzag[0] * quantZigzag[0];
            byte v = Clamp((((dc << Pass1Bits) + (1 << (Pass1Bits + 2))) >> (Pass1Bits + 3)) + 128);
            for (int r = 0; r < n; r++) output.Slice(r * stride, n).Fill(v);
            return;
        }
        if (zigzag.Length < 64 || quantZigzag.Length < 64) throw new ArgumentException("a block has 64 coefficients");
        Span<int> c = stackalloc int[64];
        ref short z = ref MemoryMarshal.GetReference(zigzag);
        ref ushort q = ref MemoryMarshal.GetReference(quantZigzag);
        ref byte order = ref ZigZag[0];
        ref int natural = ref c[0];
        for (int k = 0; k < 64; k++)
            Unsafe.Add(ref natural, Unsafe.Add(ref order, k)) = Unsafe.Add(ref z, k) * Unsafe.Add(ref q, k);
        if (n == 4) Transform4(c, output, stride);
        else if (n == 2) Transform2(c, output, stride);
        else throw new ArgumentOutOfRangeException(nameof(n), "a reduced block is 1, 2, 4 or 8 samples wide");
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);

    /// <summary>8×8 dequantized coefficients (natural order) to 4×4 samples: columns first, then rows, as <see cref="Idct"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transform4(Span<int> c, Span<byte> output, int stride)
    {
        Span<int> ws = stackalloc int[32];
        for (int u = 0; u < 8; u++)
        {
            int c0 = c[u], c1 = c[8 + u], c2 = c[16 + u], c3 = c[24 + u], c5 = c[40 + u], c6 = c[48 + u], c7 = c[56 + u];
            if ((c1 | c2 | c3 | c5 | c6 | c7) == 0)
            {
                // What the sums below give for a DC-only column, without them.
                int d = c0 << Pass1Bits;
                ws[u] = d; ws[8 + u] = d; ws[16 + u] = d; ws[24 + u] = d;
                continue;
            }
            Four(c0, c1, c2, c3, c5, c6, c7, Pass1Shift, out ws[u], out ws[8 + u], out ws[16 + u], out ws[24 + u]);
        }
        for (int k = 0; k < 4; k++)
        {
            int b = k * 8;
            // The level shift (128) and the rounding of the final descale are folded into the DC term.
            Four(ws[b] + (128 << (Pass1Bits + 3)), ws[b + 1], ws[b + 2], ws[b + 3], ws[b + 5], ws[b + 6], ws[b + 7], Pass2Shift,
                out var o0, out var o1, out var o2, out var o3);
            var row = output.Slice(k * stride, 4);
            row[0] = Clamp(o0); row[1] = Clamp(o1); row[2] = Clamp(o2); row[3] = Clamp(o3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Four(int i0, int i1, int i2, int i3, int i5, int i6, int i7, int shift, out int o0, out int o1, out int o2, out int o3)
    {
        int round = 1 << (shift - 1);
        int dc = (i0 << ConstBits) + round;
        int even0 = dc + A2 * i2 + A6 * i6, even1 = dc + B2 * i2 + B6 * i6;
        int odd0 = A1 * i1 + A3 * i3 + A5 * i5 + A7 * i7;
        int odd1 = B1 * i1 + B3 * i3 + B5 * i5 + B7 * i7;
        o0 = (even0 + odd0) >> shift; o3 = (even0 - odd0) >> shift;
        o1 = (even1 + odd1) >> shift; o2 = (even1 - odd1) >> shift;
    }

    /// <summary>8×8 dequantized coefficients (natural order) to 2×2 samples; only the DC and odd frequencies carry weight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transform2(Span<int> c, Span<byte> output, int stride)
    {
        Span<int> ws = stackalloc int[16];
        // Row pass reads columns 0, 1, 3, 5, 7 only.
        for (int u = 0; u < 8; u = u == 0 ? 1 : u + 2)
        {
            int c0 = c[u], c1 = c[8 + u], c3 = c[24 + u], c5 = c[40 + u], c7 = c[56 + u];
            Two(c0, c1, c3, c5, c7, Pass1Shift, out ws[u], out ws[8 + u]);
        }
        for (int k = 0; k < 2; k++)
        {
            int b = k * 8;
            Two(ws[b] + (128 << (Pass1Bits + 3)), ws[b + 1], ws[b + 3], ws[b + 5], ws[b + 7], Pass2Shift, out var o0, out var o1);
            output[k * stride] = Clamp(o0);
            output[k * stride + 1] = Clamp(o1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Two(int i0, int i1, int i3, int i5, int i7, int shift, out int o0, out int o1)
    {
        int dc = (i0 << ConstBits) + (1 << (shift - 1));
        int odd = D1 * i1 + D3 * i3 + D5 * i5 + D7 * i7;
        o0 = (dc + odd) >> shift;
        o1 = (dc - odd) >> shift;
    }
}
