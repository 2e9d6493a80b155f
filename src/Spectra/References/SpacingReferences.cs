namespace Spectra.References;

/// <summary>Nearest-neighbour spacing distributions P(s) of unfolded levels (mean spacing 1).</summary>
internal static class SpacingReferences
{
    /// <summary>Poisson (uncorrelated levels): P(s) = e^-s.</summary>
    public static double PoissonDensity(double s) => s < 0 ? 0 : Math.Exp(-s);

    public static double PoissonCdf(double s) => s <= 0 ? 0 : -double.ExpM1(-s);

    /// <summary>GOE Wigner surmise: P(s) = (π/2) s e^(−π s²/4).</summary>
    public static double WignerDensity(double s) => s < 0 ? 0 : Math.PI / 2 * s * Math.Exp(-Math.PI * s * s / 4);

    public static double WignerCdf(double s) => s <= 0 ? 0 : -double.ExpM1(-Math.PI * s * s / 4);

    /// <summary>GUE surmise: P(s) = (32/π²) s² e^(−4 s²/π).</summary>
    public static double GueDensity(double s) => s < 0 ? 0 : 32 / (Math.PI * Math.PI) * s * s * Math.Exp(-4 * s * s / Math.PI);

    /// <summary>∫₀ˢ P_GUE = erf(2s/√π) − (4s/π) e^(−4s²/π).</summary>
    public static double GueCdf(double s) =>
        s <= 0 ? 0 : MathNet.Numerics.SpecialFunctions.Erf(2 * s / Math.Sqrt(Math.PI)) - 4 * s / Math.PI * Math.Exp(-4 * s * s / Math.PI);

    public static double Density(LevelStatistics ensemble, double s) => ensemble switch
    {
        LevelStatistics.Poisson => PoissonDensity(s),
        LevelStatistics.Goe => WignerDensity(s),
        LevelStatistics.Gue => GueDensity(s),
        _ => throw new ArgumentOutOfRangeException(nameof(ensemble), ensemble, "no spacing surmise for this ensemble"),
    };

    public static double Cdf(LevelStatistics ensemble, double s) => ensemble switch
    {
        LevelStatistics.Poisson => PoissonCdf(s),
        LevelStatistics.Goe => WignerCdf(s),
        LevelStatistics.Gue => GueCdf(s),
        _ => throw new ArgumentOutOfRangeException(nameof(ensemble), ensemble, "no spacing surmise for this ensemble"),
    };
}
