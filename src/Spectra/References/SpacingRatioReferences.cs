using MathNet.Numerics.Integration;

namespace Spectra.References;

/// <summary>
/// The spacing ratio r = s_{i+1}/s_i and its folded form r̃ = min(r, 1/r) ∈ [0, 1].
/// Atas et al. surmise P(r) = (r + r²)^β / (Z_β (1 + r + r²)^(1 + 3β/2)); the density of r̃ is 2 P(r̃).
/// </summary>
internal static class SpacingRatioReferences
{
    /// <summary>Poisson ⟨r̃⟩ = 2 ln 2 − 1.</summary>
    public static readonly double PoissonMean = 2 * Math.Log(2) - 1;

    /// <summary>GOE ⟨r̃⟩ from large-N numerics (the surmise gives 4 − 2√3 = 0.53590).</summary>
    public const double GoeMean = 0.5307;

    /// <summary>GUE ⟨r̃⟩ from large-N numerics.</summary>
    public const double GueMean = 0.5996;

    /// <summary>GSE ⟨r̃⟩ from large-N numerics.</summary>
    public const double GseMean = 0.6744;

    /// <summary>The surmise's own GOE mean, 4 − 2√3.</summary>
    public static readonly double GoeSurmiseMean = 4 - 2 * Math.Sqrt(3);

    public static double AsymptoticMean(LevelStatistics ensemble) => ensemble switch
    {
        LevelStatistics.Poisson => PoissonMean,
        LevelStatistics.Goe => GoeMean,
        LevelStatistics.Gue => GueMean,
        LevelStatistics.Gse => GseMean,
        _ => throw new ArgumentOutOfRangeException(nameof(ensemble)),
    };

    /// <summary>Dyson index β of an ensemble (0 for Poisson).</summary>
    public static int Beta(LevelStatistics ensemble) => ensemble switch
    {
        LevelStatistics.Poisson => 0,
        LevelStatistics.Goe => 1,
        LevelStatistics.Gue => 2,
        LevelStatistics.Gse => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(ensemble)),
    };

    /// <summary>Normalisation Z_β of the Atas surmise: 8/27, 4π/(81√3), 4π/(729√3).</summary>
    public static double Normalization(int beta) => beta switch
    {
        1 => 8.0 / 27.0,
        2 => 4 * Math.PI / (81 * Math.Sqrt(3)),
        4 => 4 * Math.PI / (729 * Math.Sqrt(3)),
        _ => throw new ArgumentOutOfRangeException(nameof(beta), beta, "the Atas surmise is defined for β = 1, 2, 4"),
    };

    /// <summary>Atas surmise P(r) on r ∈ [0, ∞).</summary>
    public static double AtasRatioDensity(int beta, double r)
    {
        if (r < 0) return 0;
        var z = Normalization(beta);
        return Math.Pow(r + r * r, beta) / (z * Math.Pow(1 + r + r * r, 1 + 1.5 * beta));
    }

    /// <summary>Poisson P(r) = 1/(1 + r)².</summary>
    public static double PoissonRatioDensity(double r) => r < 0 ? 0 : 1 / ((1 + r) * (1 + r));

    /// <summary>Density of r̃ on [0, 1]: 2 P(r̃).</summary>
    public static double FoldedDensity(LevelStatistics ensemble, double rTilde)
    {
        if (rTilde < 0 || rTilde > 1) return 0;
        return ensemble == LevelStatistics.Poisson
            ? 2 * PoissonRatioDensity(rTilde)
            : 2 * AtasRatioDensity(Beta(ensemble), rTilde);
    }

    /// <summary>Cumulative distribution of r̃ (Poisson in closed form 2x/(1 + x); Atas by 64-point Gauss–Legendre, error below 1e-12).</summary>
    public static double FoldedCdf(LevelStatistics ensemble, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        if (ensemble == LevelStatistics.Poisson) return 2 * x / (1 + x);
        var beta = Beta(ensemble);
        return GaussLegendreRule.Integrate(r => 2 * AtasRatioDensity(beta, r), 0, x, 64);
    }
}
