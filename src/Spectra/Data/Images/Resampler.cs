namespace Spectra.Data.Images;

/// <summary>
/// Separable resizing of planar images. Along each axis, shrinking averages the source area each output
/// pixel covers (exact box filter with fractional edges), growing interpolates linearly between pixel
/// centres (edges clamped). Both are fixed linear maps, precomputed once per source size.
/// </summary>
internal sealed class Resampler
{
    private readonly (int Index, double Weight)[][] _x, _y;

    public Resampler(int sourceWidth, int sourceHeight, int width, int height)
    {
        SourceWidth = sourceWidth;
        SourceHeight = sourceHeight;
        Width = width;
        Height = height;
        _x = Axis(sourceWidth, width);
        _y = Axis(sourceHeight, height);
    }

    [ThreadStatic] private static Resampler? t_last;

    /// <summary>
    /// This thread's last resampler when it maps the same sizes (it is immutable), else a new one: a folder
    /// of same-sized photos builds the weight tables once per thread, not once per file.
    /// </summary>
    public static Resampler For(int sourceWidth, int sourceHeight, int width, int height)
    {
        if (t_last is { } r && r.SourceWidth == sourceWidth && r.SourceHeight == sourceHeight && r.Width == width && r.Height == height) return r;
        return t_last = new Resampler(sourceWidth, sourceHeight, width, height);
    }

    public int SourceWidth { get; }
    public int SourceHeight { get; }
    public int Width { get; }
    public int Height { get; }

    internal static (int Index, double Weight)[][] Axis(int n, int m)
    {
        var map = new (int, double)[m][];
        if (m == n)
        {
            for (int j = 0; j < m; j++) map[j] = [(j, 1.0)];
        }
        else if (m < n)
        {
            double s = (double)n / m;
            for (int j = 0; j < m; j++)
            {
                double a = j * s, b = (j + 1) * s;
                var w = new List<(int, double)>();
                for (int i = (int)Math.Floor(a); i < Math.Min(n, (int)Math.Ceiling(b)); i++)
                {
                    double overlap = Math.Min(b, i + 1) - Math.Max(a, i);
                    if (overlap > 1e-12) w.Add((i, overlap / s));
                }
                map[j] = w.ToArray();
            }
        }
        else
        {
            for (int j = 0; j < m; j++)
            {
                double x = Math.Clamp((j + 0.5) * n / m - 0.5, 0, n - 1);
                int i0 = (int)Math.Floor(x), i1 = Math.Min(i0 + 1, n - 1);
                double f = x - i0;
                map[j] = f == 0 || i1 == i0 ? [(i0, 1.0)] : [(i0, 1 - f), (i1, f)];
            }
        }
        return map;
    }

    /// <summary>Resizes one plane (row-major, source size) into <paramref name="output"/> (row-major, target size).</summary>
    public void Apply(ReadOnlySpan<double> plane, Span<double> output, double[] scratch)
    {
        // Rows first: scratch holds SourceHeight × Width.
        for (int y = 0; y < SourceHeight; y++)
        {
            var row = plane.Slice(y * SourceWidth, SourceWidth);
            for (int j = 0; j < Width; j++)
            {
                double v = 0;
                foreach (var (i, w) in _x[j]) v += w * row[i];
                scratch[y * Width + j] = v;
            }
        }
        for (int j = 0; j < Height; j++)
        for (int x = 0; x < Width; x++)
        {
            double v = 0;
            foreach (var (i, w) in _y[j]) v += w * scratch[i * Width + x];
            output[j * Width + x] = v;
        }
    }
}
