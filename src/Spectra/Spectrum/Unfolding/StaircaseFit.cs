namespace Spectra.Spectrum.Unfolding;

/// <summary>A fitted smooth staircase N̄(λ) ≈ number of levels below λ (counting from 0 at the lowest level).</summary>
public abstract class StaircaseFit
{
    protected StaircaseFit(double lowest, double highest, bool logScale)
    {
        LogScale = logScale;
        Low = Transform(lowest);
        High = Transform(highest);
    }

    /// <summary>Whether the fit works in ln λ.</summary>
    public bool LogScale { get; }

    /// <summary>The fitted variable (λ or ln λ) at the lowest and highest input level.</summary>
    protected double Low { get; }
    protected double High { get; }

    protected double Transform(double lambda) => LogScale ? Math.Log(lambda) : lambda;

    /// <summary>N̄ at a value of the fitted variable.</summary>
    protected abstract double EvaluateTransformed(double x);

    /// <summary>N̄(λ).</summary>
    public double Evaluate(double lambda) => EvaluateTransformed(Transform(lambda));

    /// <summary>
    /// The λ at which N̄ reaches <paramref name="count"/>, by bisection over the input range widened by
    /// 5 % on each side (values beyond are clamped there). Used to map reference levels onto this
    /// spectrum's mean density.
    /// </summary>
    public double Inverse(double count)
    {
        var width = High - Low;
        var lo = Low - 0.05 * width;
        var hi = High + 0.05 * width;
        if (EvaluateTransformed(lo) >= count) return Back(lo);
        if (EvaluateTransformed(hi) <= count) return Back(hi);
        for (var i = 0; i < 200 && hi - lo > 1e-13 * Math.Max(1, Math.Abs(hi)); i++)
        {
            var mid = 0.5 * (lo + hi);
            if (EvaluateTransformed(mid) < count) lo = mid; else hi = mid;
        }
        return Back(0.5 * (lo + hi));
    }

    /// <summary>
    /// A fast inverse of N̄ for many look-ups: N̄ tabulated on <paramref name="points"/> values of the
    /// fitted variable over the widened range, made monotone by a running maximum, and inverted by
    /// linear interpolation. With several points per level the interpolation error is far below a
    /// level spacing, and the kernel method's cost is paid once instead of per look-up.
    /// </summary>
    public Func<double, double> InverseTable(int points)
    {
        points = Math.Max(16, points);
        var width = High - Low;
        var lo = Low - 0.05 * width;
        var step = 1.1 * width / (points - 1);
        var xs = new double[points];
        var ns = new double[points];
        for (var i = 0; i < points; i++)
        {
            xs[i] = lo + i * step;
            ns[i] = EvaluateTransformed(xs[i]);
            if (i > 0 && ns[i] < ns[i - 1]) ns[i] = ns[i - 1];
        }
        return count =>
        {
            if (count <= ns[0]) return Back(xs[0]);
            if (count >= ns[^1]) return Back(xs[^1]);
            var k = Array.BinarySearch(ns, count);
            if (k >= 0) return Back(xs[k]);
            k = ~k;
            var f = (count - ns[k - 1]) / (ns[k] - ns[k - 1]);
            return Back(xs[k - 1] + f * (xs[k] - xs[k - 1]));
        };
    }

    private double Back(double x) => LogScale ? Math.Exp(x) : x;
}
