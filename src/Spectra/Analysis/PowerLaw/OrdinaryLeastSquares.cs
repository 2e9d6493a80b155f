namespace Spectra.Analysis.PowerLaw;

/// <summary>Straight-line least squares y = a + b x with the slope's standard error and R².</summary>
internal readonly record struct LineFit(double Intercept, double Slope, double SlopeStandardError, double RSquared)
{
    public static LineFit Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx <= 0) return new LineFit(my, 0, 0, 0);
        var slope = sxy / sxx;
        var intercept = my - slope * mx;
        var rss = Math.Max(0, syy - slope * sxy);
        var r2 = syy > 0 ? Math.Clamp(1 - rss / syy, 0, 1) : 1;
        var se = n > 2 ? Math.Sqrt(rss / (n - 2) / sxx) : 0;
        return new LineFit(intercept, slope, se, r2);
    }
}
