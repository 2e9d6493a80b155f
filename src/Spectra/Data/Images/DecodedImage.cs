namespace Spectra.Data.Images;

/// <summary>
/// One decoded image: <see cref="Height"/> rows of <see cref="Width"/> pixels of <see cref="Channels"/>
/// interleaved samples (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA). Integer images keep their own scale
/// (<see cref="MaxValue"/> is 2^bits − 1); float images (from NPY) carry their values as they are.
/// </summary>
internal sealed class DecodedImage
{
    private ushort[]? _samples;
    private YCbCrPlanes? _ycbcr;

    private DecodedImage(int width, int height, int channels, int maxValue, ushort[]? samples, double[]? floats)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "image sides must be positive");
        if (channels is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(channels));
        Width = width;
        Height = height;
        Channels = channels;
        MaxValue = maxValue;
        _samples = samples;
        FloatSamples = floats;
        long need = (long)width * height * channels;
        if ((samples?.LongLength ?? floats!.LongLength) < need) throw new ArgumentException("fewer samples than pixels × channels");
    }

    public int Width { get; }
    public int Height { get; }
    public int Channels { get; }

    /// <summary>The value that means full intensity (1, 3, 15, 255, 65535, ...); 0 for float images.</summary>
    public int MaxValue { get; }

    /// <summary>Integer samples, row-major, channels interleaved; null for a float image.</summary>
    public ushort[]? Samples
    {
        get
        {
            if (_ycbcr is { } planes)
            {
                Codecs.Jpeg.ColorConverter.YCbCrToRgb(planes.Y, planes.Cb, planes.Cr, _samples.AsSpan(0, Width * Height * 3));
                _ycbcr = null;
            }
            return _samples;
        }
    }

    /// <summary>
    /// Full-resolution JPEG Y, Cb, Cr planes not yet turned into RGB <see cref="Samples"/> (which converts
    /// them on first use): a gray row is computed from them directly, without the interleaved RGB in between.
    /// </summary>
    internal YCbCrPlanes? YCbCr => _ycbcr;

    /// <summary>Float samples (already in the caller's units, not scaled); null for an integer image.</summary>
    public double[]? FloatSamples { get; }

    public bool IsFloat => FloatSamples is not null;
    public bool HasAlpha => Channels is 2 or 4;
    public bool IsColor => Channels >= 3;

    public static DecodedImage FromSamples(int width, int height, int channels, int maxValue, ushort[] samples)
    {
        if (maxValue is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(maxValue));
        return new DecodedImage(width, height, channels, maxValue, samples, null);
    }

    /// <summary>An 8-bit YCbCr image held as planes; <paramref name="rgb"/> (at least 3 × width × height) receives the RGB samples when they are asked for.</summary>
    internal static DecodedImage FromYCbCr(int width, int height, byte[] y, byte[] cb, byte[] cr, ushort[] rgb)
    {
        long n = (long)width * height;
        if (y.Length < n || cb.Length < n || cr.Length < n) throw new ArgumentException("a plane is shorter than the image");
        return new DecodedImage(width, height, 3, 255, rgb, null) { _ycbcr = new YCbCrPlanes(y, cb, cr) };
    }

    public static DecodedImage FromFloats(int width, int height, int channels, double[] values) =>
        new(width, height, channels, 0, null, values);

    /// <summary>Sample (y, x, c) scaled to [0, 1] for integer images, as stored for float images.</summary>
    public double Scaled(int y, int x, int c)
    {
        long i = ((long)y * Width + x) * Channels + c;
        return FloatSamples is not null ? FloatSamples[i] : Samples![i] / (double)MaxValue;
    }
}

/// <summary>The three full-resolution planes of a YCbCr image (JFIF, 8-bit).</summary>
internal readonly record struct YCbCrPlanes(byte[] Y, byte[] Cb, byte[] Cr);
