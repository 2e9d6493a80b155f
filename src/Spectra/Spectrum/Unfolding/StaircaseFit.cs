namespace Spectra.Spectrum.Unfolding;

/// <summary>A fitted smooth staircase N̄(λ) ≈ number of levels below λ (counting from 0 at the lowest level).</summary>
internal abstract class StaircaseFit
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
    /// The λ at which N̄ reaches <paramref name="count"/>, by bisection over the fitted range of levels.
    /// A fitted polynomial is meaningless outside that range (a degree-9 fit in ln λ can climb back up by
    /// hundreds of levels just below the lowest level), so counts beyond N̄ at the range's ends continue
    /// at the range's mean density instead. Exact for a monotone N̄; <see cref="InverseTable"/> also
    /// handles a fit that wiggles.
    /// </summary>
    public double Inverse(double count)
    {
        var atLow = EvaluateTransformed(Low);
        var atHigh = EvaluateTransformed(High);
        var density = MeanDensity(atLow, atHigh);
        if (count <= atLow) return Back(Low - (atLow - count) / density);
        if (count >= atHigh) return Back(High + (count - atHigh) / density);
        double lo = Low, hi = High;
        for (var i = 0; i < 200 && hi - lo > 1e-13 * Math.Max(1, Math.Abs(hi)); i++)
        {
            var mid = 0.5 * (lo + hi);
            if (EvaluateTransformed(mid) < count) lo = mid; else hi = mid;
        }
        return Back(0.5 * (lo + hi));
    }

    /// <summary>
    /// A fast, strictly increasing inverse of N̄ for many look-ups, used to map reference levels onto
    /// this spectrum's mean density. N̄ is tabulated on <paramref name="points"/> equally spaced values
    /// of the fitted variable over the fitted range only (never extrapolated) and made monotone from its
    /// record values (<see cref="MonotoneEnvelope"/>), then inverted by linear interpolation. With
    /// several points per level the interpolation error is far below a level spacing, and the kernel
    /// method's cost is paid once instead of per look-up. Counts beyond the envelope continue at the
    /// range's mean density, as in <see cref="Inverse"/>.
    /// </summary>
    public Func<double, double> InverseTable(int points)
    {
        points = Math.Max(16, points);
        var step = (High - Low) / (points - 1);
        var xs = new double[points];
        var ns = new double[points];
        for (var i = 0; i < points; i++)
        {
            xs[i] = i == points - 1 ? High : Low + i * step;
            ns[i] = EvaluateTransformed(xs[i]);
        }
        MonotoneEnvelope(ns);
        var density = MeanDensity(ns[0], ns[^1]);
        return count =>
        {
            if (count <= ns[0]) return Back(Low - (ns[0] - count) / density);
            if (count >= ns[^1]) return Back(High + (count - ns[^1]) / density);
            var k = Array.BinarySearch(ns, count);
            if (k >= 0) return Back(xs[k]);
            k = ~k;
            var f = (count - ns[k - 1]) / (ns[k] - ns[k - 1]);
            return Back(xs[k - 1] + f * (xs[k] - xs[k - 1]));
        };
    }

    /// <summary>
    /// Makes tabulated N̄ values non-decreasing in place: the running minimum from the right up to a
    /// pivot, the running maximum from the left after it, the pivot being the value nearest the middle
    /// that is both (a record from both sides, so the two pieces join). Both pieces equal N̄ wherever
    /// they rise and are flat elsewhere, so counts are only ever mapped to places where N̄ itself is
    /// monotone: a refit of reference levels mapped this way sees the fitted staircase itself, and where
    /// a polynomial wiggles the mapped levels skip the wiggle rather than pile onto one value. (Sorting
    /// the values instead would fill the wiggle with a kinked staircase that the refit cannot follow.)
    /// </summary>
    private static void MonotoneEnvelope(double[] ns)
    {
        var n = ns.Length;
        var fromLeft = new double[n];
        var fromRight = new double[n];
        fromLeft[0] = ns[0];
        for (var i = 1; i < n; i++) fromLeft[i] = Math.Max(fromLeft[i - 1], ns[i]);
        fromRight[n - 1] = ns[n - 1];
        for (var i = n - 2; i >= 0; i--) fromRight[i] = Math.Min(fromRight[i + 1], ns[i]);
        var pivot = -1;
        for (var i = 0; i < n; i++)
            if (fromLeft[i] == fromRight[i] && (pivot < 0 || Math.Abs(2 * i - n) < Math.Abs(2 * pivot - n))) pivot = i;
        for (var i = 0; i < n; i++) ns[i] = i <= pivot ? fromRight[i] : fromLeft[i];
    }

    /// <summary>Levels per unit of the fitted variable across the fitted range, from N̄'s values at its two ends.</summary>
    private double MeanDensity(double lowCount, double highCount) =>
        (highCount > lowCount ? highCount - lowCount : 1) / (High - Low);

    private double Back(double x) => LogScale ? Math.Exp(x) : x;
}
