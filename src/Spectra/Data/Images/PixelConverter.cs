namespace Spectra.Data.Images;

/// <summary>
/// Turns a decoded image into one feature row: values scaled to [0, 1] (integer images by their maximum
/// level, float images as stored), gray by BT.601 luma or RGB, alpha dropped or kept, resized when asked,
/// laid out row-major as (y, x, channel).
/// </summary>
internal sealed class PixelConverter
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
        var interleaved = new double[n * _channels];
        WritePixels(image, interleaved);
        var plane = new double[n];
        var outPlane = new double[resampler.Width * resampler.Height];
        var scratch = new double[image.Height * resampler.Width];
        for (int c = 0; c < _channels; c++)
        {
            for (int i = 0; i < n; i++) plane[i] = interleaved[i * _channels + c];
            resampler.Apply(plane, outPlane, scratch);
            for (int i = 0; i < outPlane.Length; i++) row[i * _channels + c] = outPlane[i];
        }
    }

    private void WritePixels(DecodedImage im, Span<double> dst)
    {
        int n = im.Width * im.Height, src = im.Channels, outCh = _channels;
        bool gray = _options.Color == ImageColorMode.Gray, alpha = _options.KeepAlpha;
        double scale = im.IsFloat ? 1.0 : 1.0 / im.MaxValue;
        var s = im.Samples;
        var f = im.FloatSamples;
        double At(long i) => f is not null ? f[i] : s![i] * scale;

        if (gray && !alpha && src == 1 && s is not null)
        {
            for (int i = 0; i < n; i++) dst[i] = s[i] * scale;
            return;
        }
        for (int p = 0; p < n; p++)
        {
            long b = (long)p * src;
            int o = p * outCh;
            if (im.IsColor)
            {
                double r = At(b), g = At(b + 1), bl = At(b + 2);
                if (gray) dst[o] = Kr * r + Kg * g + Kb * bl;
                else
                {
                    dst[o] = r;
                    dst[o + 1] = g;
                    dst[o + 2] = bl;
                }
            }
            else
            {
                double v = At(b);
                dst[o] = v;
                if (!gray)
                {
                    dst[o + 1] = v;
                    dst[o + 2] = v;
                }
            }
            if (alpha) dst[o + outCh - 1] = im.HasAlpha ? At(b + src - 1) : 1.0;
        }
    }
}
