namespace Spectra.References;

/// <summary>Wigner's semicircle on [−R, R]: the mean level density of a large GOE matrix.</summary>
internal static class SemicircleLaw
{
    /// <summary>Fraction of levels below x: 1/2 + (u√(1 − u²) + arcsin u)/π with u = x/R clamped to [−1, 1].</summary>
    public static double Cdf(double x, double radius)
    {
        var u = Math.Clamp(x / radius, -1.0, 1.0);
        return 0.5 + (u * Math.Sqrt(1 - u * u) + Math.Asin(u)) / Math.PI;
    }

    public static double Density(double x, double radius)
    {
        var u = x / radius;
        return Math.Abs(u) >= 1 ? 0 : 2 / (Math.PI * radius) * Math.Sqrt(1 - u * u);
    }
}
