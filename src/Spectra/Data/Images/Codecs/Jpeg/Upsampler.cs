namespace Spectra.Data.Images.Codecs.Jpeg;

/// <summary>
/// Brings a subsampled chroma plane to full resolution with libjpeg's default "fancy" upsampling:
/// triangular (3/4, 1/4) interpolation for 2× horizontal and/or 2× vertical factors, edges replicated;
/// other factors replicate samples (as libjpeg does for them).
/// </summary>
internal static class Upsampler
{
    private const int StackBytes = 4096;

    /// <summary>Upsamples <paramref name="plane"/> (w × h, row stride <paramref name="stride"/>) by (fx, fy) into the first outW × outH bytes of <paramref name="o"/>.</summary>
    /// <param name="fancy">False: every factor by replication.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Upsample(byte[] plane, int w, int h, int stride, int fx, int fy, int outW, int outH, byte[] o, bool fancy = true)
    {
        if (fx == 1 && fy == 1)
        {
            for (int y = 0; y < outH; y++) plane.AsSpan(y * stride, outW).CopyTo(o.AsSpan(y * outW));
            return;
        }
        if (!fancy)
        {
            Replicate(plane, w, h, stride, fx, fy, outW, outH, o);
            return;
        }
        if (fx == 2 && fy == 1)
        {
            // Row buffers on the stack for the usual sizes: a folder of small images would otherwise allocate them per file.
            Span<byte> row = 2 * w <= StackBytes ? stackalloc byte[2 * w] : new byte[2 * w];
            for (int y = 0; y < outH; y++)
            {
                H2(plane.AsSpan(y * stride, w), row);
                row[..outW].CopyTo(o.AsSpan(y * outW));
            }
            return;
        }
        if (fx is 1 or 2 && fy == 2)
        {
            Span<int> colsum = 4 * w <= StackBytes ? stackalloc int[w] : new int[w];
            Span<byte> row = fx * w <= StackBytes ? stackalloc byte[fx * w] : new byte[fx * w];
            for (int y = 0; y < outH; y++)
            {
                int near = y / 2, far = y % 2 == 0 ? Math.Max(near - 1, 0) : Math.Min(near + 1, h - 1);
                var a = plane.AsSpan(near * stride, w);
                var b = plane.AsSpan(far * stride, w);
                for (int x = 0; x < w; x++) colsum[x] = 3 * a[x] + b[x];
                if (fx == 2) H2V2(colsum, row);
                else
                {
                    // Vertical only: upper output rows round with bias 1, lower with bias 2 (as libjpeg-turbo's h1v2).
                    int bias = y % 2 == 0 ? 1 : 2;
                    for (int x = 0; x < w; x++) row[x] = (byte)((colsum[x] + bias) >> 2);
                }
                row[..outW].CopyTo(o.AsSpan(y * outW));
            }
            return;
        }
        Replicate(plane, w, h, stride, fx, fy, outW, outH, o);
    }

    private static void Replicate(byte[] plane, int w, int h, int stride, int fx, int fy, int outW, int outH, byte[] o)
    {
        for (int y = 0; y < outH; y++)
        for (int x = 0; x < outW; x++)
            o[y * outW + x] = plane[Math.Min(y / fy, h - 1) * stride + Math.Min(x / fx, w - 1)];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void H2(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int n = input.Length;
        if (n == 1)
        {
            output[0] = output[1] = input[0];
            return;
        }
        output[0] = input[0];
        output[1] = (byte)((input[0] * 3 + input[1] + 2) >> 2);
        for (int i = 1; i < n - 1; i++)
        {
            int v = input[i] * 3;
            output[2 * i] = (byte)((v + input[i - 1] + 1) >> 2);
            output[2 * i + 1] = (byte)((v + input[i + 1] + 2) >> 2);
        }
        output[2 * n - 2] = (byte)((input[n - 1] * 3 + input[n - 2] + 1) >> 2);
        output[2 * n - 1] = input[n - 1];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void H2V2(ReadOnlySpan<int> colsum, Span<byte> output)
    {
        int n = colsum.Length;
        if (n == 1)
        {
            output[0] = (byte)((colsum[0] * 4 + 8) >> 4);
            output[1] = (byte)((colsum[0] * 4 + 7) >> 4);
            return;
        }
        output[0] = (byte)((colsum[0] * 4 + 8) >> 4);
        output[1] = (byte)((colsum[0] * 3 + colsum[1] + 7) >> 4);
        for (int i = 1; i < n - 1; i++)
        {
            int v = colsum[i] * 3;
            output[2 * i] = (byte)((v + colsum[i - 1] + 8) >> 4);
            output[2 * i + 1] = (byte)((v + colsum[i + 1] + 7) >> 4);
        }
        output[2 * n - 2] = (byte)((colsum[n - 1] * 3 + colsum[n - 2] + 8) >> 4);
        output[2 * n - 1] = (byte)((colsum[n - 1] * 4 + 7) >> 4);
    }
}
