namespace Spectra.Data.Images;

/// <summary>
/// Turns a decoded image into one feature row: values scaled to [0, 1] (integer images by their maximum
/// level, float images as stored), gray by BT.601 luma or RGB, alpha dropped or kept, resized when asked,
/// laid out row-major as (y, x, channel).
/// </summary>
internal sealed unsafe class PixelConverter
{
    private const double Kr = 0.299, Kg = 0.587, Kb = 0.114;
    private readonly ImageSourceOptions _options;
    private readonly int _channels;

    public PixelConverter(ImageSourceOptions options)
    {
        _options = options;
        _channels = options.ChannelsPerPixel;
    }

    public int FeaturesFor(int width, int height) => width * height * _channels;

    /// <summary>Writes the image's features into <paramref name="row"/> (length Width × Height × channels of the target size).</summary>
    public void Write(DecodedImage image, Span<double> row, Resampler? resampler)
    {
        if (resampler is null)
        {
            WritePixels(image, row);
            return;
        }
        int n = image.Width * image.Height;
        // The working arrays are this thread's, reused from image to image: every element read is written
        // first, so reuse changes no value, and a folder of photos no longer allocates (and the collector
        // clears) a few large arrays per file.
        var scratch = Buffers.Take(ref Buffers.Scratch, image.Height * resampler.Width);
        if (_channels == 1)
        {
            // One channel is its own plane: no interleaved copy (800 MB for a 10⁸-pixel image) to split.
            var gray = Buffers.Take(ref Buffers.Plane, n);
            WritePixels(image, gray.AsSpan(0, n));
            resampler.Apply(gray.AsSpan(0, n), row[..(resampler.Width * resampler.Height)], scratch);
            return;
        }
        var interleaved = Buffers.Take(ref Buffers.Interleaved, n * _channels).AsSpan(0, n * _channels);
        WritePixels(image, interleaved);
        var plane = Buffers.Take(ref Buffers.Plane, n).AsSpan(0, n);
        var outPlane = Buffers.Take(ref Buffers.Out, resampler.Width * resampler.Height).AsSpan(0, resampler.Width * resampler.Height);
        for (int c = 0; c < _channels; c++)
        {
            for (int i = 0; i < n; i++) plane[i] = interleaved[i * _channels + c];
            resampler.Apply(plane, outPlane, scratch);
            for (int i = 0; i < outPlane.Length; i++) row[i * _channels + c] = outPlane[i];
        }
    }

    /// <summary>Per-thread working arrays of <see cref="Write"/>; above <see cref="KeepLimit"/> elements they are fresh and not kept.</summary>
    private static class Buffers
    {
        private const int KeepLimit = 1 << 20;
        [ThreadStatic] public static double[]? Scratch, Plane, Interleaved, Out;

        public static double[] Take(ref double[]? kept, long n)
        {
            if (kept is not null && kept.Length >= n) return kept;
            var fresh = new double[n];
            if (n <= KeepLimit) kept = fresh;
            return fresh;
        }
    }

    private void WritePixels(DecodedImage im, Span<double> dst)
    {
        if (im.YCbCr is { } planes && _options.Color == ImageColorMode.Gray && !_options.KeepAlpha)
        {
            double scale = 1.0 / im.MaxValue;
            Codecs.Jpeg.ColorConverter.YCbCrToLuma(planes.Y, planes.Cb, planes.Cr, dst[..(im.Width * im.Height)], Kr * scale, Kg * scale, Kb * scale);
            return;
        }
        if (im.Samples is { } samples) WriteIntegers(im, samples, dst);
        else WriteFloats(im, im.FloatSamples!, dst);
    }

    // The hot path (every integer image): one loop per layout, no per-sample indirection.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteIntegers(DecodedImage im, ushort[] s, Span<double> dst)
    {
        int n = im.Width * im.Height, src = im.Channels, outCh = _channels;
        bool gray = _options.Color == ImageColorMode.Gray, alpha = _options.KeepAlpha;
        double scale = 1.0 / im.MaxValue, r = Kr * scale, g = Kg * scale, b = Kb * scale;
        if (gray && !alpha)
        {
            if (src == 1) Scale(s.AsSpan(0, n), dst[..n], scale);
            else if (src == 2)
                for (int p = 0; p < n; p++) dst[p] = s[p * src] * scale;
            else Luma(s, src, dst[..n], r, g, b);
            return;
        }
        for (int p = 0, i = 0, o = 0; p < n; p++, i += src, o += outCh)
        {
            if (gray) dst[o] = src <= 2 ? s[i] * scale : r * s[i] + g * s[i + 1] + b * s[i + 2];
            else if (src <= 2) dst[o] = dst[o + 1] = dst[o + 2] = s[i] * scale;
            else
            {
                dst[o] = s[i] * scale;
                dst[o + 1] = s[i + 1] * scale;
                dst[o + 2] = s[i + 2] * scale;
            }
            if (alpha) dst[o + outCh - 1] = im.HasAlpha ? s[i + src - 1] * scale : 1.0;
        }
    }

    /// <summary>Weighted R, G, B of each pixel (<paramref name="step"/> samples apart); bounds checked once for the whole image, not per sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Luma(ushort[] s, int step, Span<double> dst, double r, double g, double b)
    {
        if ((long)dst.Length * step > s.Length) throw new ArgumentException("fewer samples than pixels × channels", nameof(s));
        fixed (ushort* ps = s)
        fixed (double* pd = dst)
            for (int p = 0, i = 0; p < dst.Length; p++, i += step) pd[p] = r * ps[i] + g * ps[i + 1] + b * ps[i + 2];
    }

    /// <summary>dst[i] = s[i] × scale, four at a time where AVX2 exists: the same product as the scalar loop (a 16-bit sample converts to double exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scale(ReadOnlySpan<ushort> s, Span<double> dst, double scale)
    {
        int i = 0;
        if (Avx2.IsSupported)
        {
            var k = Vector256.Create(scale);
            fixed (ushort* ps = s)
            fixed (double* pd = dst)
                for (; i <= s.Length - 4; i += 4)
                    Avx.Store(pd + i, Avx.Multiply(Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(ps + i)), k));
        }
        for (; i < s.Length; i++) dst[i] = s[i] * scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteFloats(DecodedImage im, double[] f, Span<double> dst)
    {
        int n = im.Width * im.Height, src = im.Channels, outCh = _channels;
        bool gray = _options.Color == ImageColorMode.Gray, alpha = _options.KeepAlpha;
        for (int p = 0, i = 0, o = 0; p < n; p++, i += src, o += outCh)
        {
            if (im.IsColor)
            {
                if (gray) dst[o] = Kr * f[i] + Kg * f[i + 1] + Kb * f[i + 2];
                else
                {
                    dst[o] = f[i];
                    dst[o + 1] = f[i + 1];
                    dst[o + 2] = f[i + 2];
                }
            }
            else if (gray) dst[o] = f[i];
            else dst[o] = dst[o + 1] = dst[o + 2] = f[i];
            if (alpha) dst[o + outCh - 1] = im.HasAlpha ? f[i + src - 1] : 1.0;
        }
    }
}
