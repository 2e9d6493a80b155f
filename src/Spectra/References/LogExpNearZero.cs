namespace Spectra.References;

/// <summary>
/// ln(1 + x) and eˣ − 1 to a few ulps relative for small x. .NET's double.LogP1 and double.ExpM1 compute
/// Log(1 + x) and Exp(x) − 1 literally, so below about 1e-16 they return 0 or one ulp of 1, and
/// MathNet's Expm1 truncates a series (4e-11 relative at x = 1e-3). Both use Kahan's correction: the
/// rounding of u = 1 + x (or u = eˣ) is divided out by the same rounded u.
/// </summary>
internal static class LogExpNearZero
{
    public static double Log1p(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    public static double Expm1(double x)
    {
        if (Math.Abs(x) > 0.5) return Math.Exp(x) - 1;
        var u = Math.Exp(x);
        return u == 1 ? x : (u - 1) * x / Math.Log(u);
    }
}
