namespace Spectra.Spectrum.Unfolding;

/// <summary>
/// Gaussian-kernel staircase in ln λ: N̄(x) = Σ_j Φ((x − x_j)/h_j), with h_j the given number of
/// local mean spacings around level j (an adaptive bandwidth, so it follows a density that changes
/// by decades). Levels more than 12 bandwidths away contribute exactly 0 or 1, which keeps the
/// cost O(n · bandwidth) instead of O(n²).
/// </summary>
internal sealed class KernelStaircase : StaircaseFit
{
    private readonly double[] _x;
    private readonly double[] _h;
    private readonly int _window;

    private KernelStaircase(IReadOnlyList<double> ascending, double bandwidthLevels) : base(ascending[0], ascending[^1], logScale: true)
    {
        var n = ascending.Count;
        _x = new double[n];
        for (var i = 0; i < n; i++) _x[i] = Transform(ascending[i]);
        var b = Math.Max(1, (int)Math.Ceiling(bandwidthLevels));
        _h = new double[n];
        var fallback = n > 1 ? (_x[n - 1] - _x[0]) / (n - 1) : 1;
        for (var i = 0; i < n; i++)
        {
            var lo = Math.Max(0, i - b);
            var hi = Math.Min(n - 1, i + b);
            var local = hi > lo ? (_x[hi] - _x[lo]) / (hi - lo) : fallback;
            _h[i] = bandwidthLevels * (local > 0 ? local : fallback > 0 ? fallback : 1);
        }
        _window = 12 * b + 1;
    }

    public static KernelStaircase Fit(IReadOnlyList<double> ascending, double bandwidthLevels) => new(ascending, bandwidthLevels);

    protected override double EvaluateTransformed(double x)
    {
        var n = _x.Length;
        var pos = Array.BinarySearch(_x, x);
        if (pos < 0) pos = ~pos;
        var lo = Math.Max(0, pos - _window);
        var hi = Math.Min(n - 1, pos + _window);
        double sum = lo; // every level far below x counts fully
        for (var j = lo; j <= hi; j++)
            sum += 0.5 * SpecialFunctions.Erfc(-(x - _x[j]) / (_h[j] * Math.Sqrt(2)));
        return sum;
    }
}
