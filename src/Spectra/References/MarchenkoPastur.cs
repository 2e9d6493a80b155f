using MathNet.Numerics.Integration;

namespace Spectra.References;

/// <summary>
/// The Marchenko–Pastur law of C = XᵀX/M for M × d data with i.i.d. entries of variance σ² and
/// q = d/M: density √((λ₊ − x)(x − λ₋)) / (2π σ² q x) on [λ₋, λ₊], λ± = σ²(1 ± √q)², plus a point
/// mass 1 − 1/q at 0 when q > 1.
/// </summary>
public sealed record MarchenkoPastur(double Q, double SigmaSquared)
{
    public double LowerEdge => SigmaSquared * (1 - Math.Sqrt(Q)) * (1 - Math.Sqrt(Q));
    public double UpperEdge => SigmaSquared * (1 + Math.Sqrt(Q)) * (1 + Math.Sqrt(Q));

    /// <summary>Mass of the continuous part: 1 for q ≤ 1, 1/q beyond (the rest sits at 0).</summary>
    public double ContinuousMass => Q <= 1 ? 1 : 1 / Q;

    /// <summary>Density of the continuous part (integrates to <see cref="ContinuousMass"/>).</summary>
    public double Density(double x)
    {
        if (x <= LowerEdge || x >= UpperEdge || x <= 0) return 0;
        return Math.Sqrt((UpperEdge - x) * (x - LowerEdge)) / (2 * Math.PI * SigmaSquared * Q * x);
    }

    /// <summary>
    /// CDF of the continuous part normalised to 1 (the law of the non-zero eigenvalues). With
    /// x = λ₋ + (λ₊ − λ₋)(1 − cos θ)/2 the square-root edges become a smooth integrand in θ, so a
    /// 64-point Gauss–Legendre rule is accurate to ~1e-12.
    /// </summary>
    public double NonZeroCdf(double x)
    {
        var a = LowerEdge;
        var b = UpperEdge;
        if (x <= a) return 0;
        if (x >= b) return 1;
        var theta = Math.Acos(Math.Clamp(1 - 2 * (x - a) / (b - a), -1, 1));
        var half = (b - a) / 2;
        var integral = GaussLegendreRule.Integrate(t =>
        {
            var s = Math.Sin(t);
            var xt = a + half * (1 - Math.Cos(t));
            return xt <= 0 ? 0 : half * half * s * s / (2 * Math.PI * SigmaSquared * Q * xt);
        }, 0, theta, 64);
        return Math.Clamp(integral / ContinuousMass, 0, 1);
    }

    /// <summary>Median of the non-zero eigenvalues' law (bisection on <see cref="NonZeroCdf"/>).</summary>
    public double NonZeroMedian()
    {
        double lo = LowerEdge, hi = UpperEdge;
        for (var i = 0; i < 100 && hi - lo > 1e-14 * UpperEdge; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (NonZeroCdf(mid) < 0.5) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
