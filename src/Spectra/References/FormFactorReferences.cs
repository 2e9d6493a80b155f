namespace Spectra.References;

/// <summary>Spectral form factor K(τ) of unfolded levels, τ in units of the Heisenberg time (plateau K → 1).</summary>
internal static class FormFactorReferences
{
    /// <summary>Poisson: K(τ) = 1.</summary>
    public static double Poisson(double tau) => 1.0;

    /// <summary>
    /// GOE: K = 2τ − τ ln(1 + 2τ) for τ ≤ 1 and 2 − τ ln((2τ + 1)/(2τ − 1)) for τ > 1.
    /// Each branch is evaluated only on its own side (the second is singular at τ = 1/2).
    /// </summary>
    public static double Goe(double tau)
    {
        if (tau < 0) tau = -tau;
        return tau <= 1
            ? 2 * tau - tau * Math.Log(1 + 2 * tau)
            : 2 - tau * Math.Log((2 * tau + 1) / (2 * tau - 1));
    }

    /// <summary>GUE: K = τ for τ ≤ 1, 1 beyond.</summary>
    public static double Gue(double tau)
    {
        if (tau < 0) tau = -tau;
        return Math.Min(tau, 1.0);
    }

    public static double Evaluate(LevelStatistics ensemble, double tau) => ensemble switch
    {
        LevelStatistics.Poisson => Poisson(tau),
        LevelStatistics.Goe => Goe(tau),
        LevelStatistics.Gue => Gue(tau),
        _ => throw new ArgumentOutOfRangeException(nameof(ensemble), ensemble, "no closed-form SFF for this ensemble"),
    };
}
