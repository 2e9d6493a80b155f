namespace Spectra.Analysis;

/// <summary>The overall reading of the level statistics (rule in docs/analysis.md).</summary>
/// <param name="Class">"GOE-like", "Poisson-like", "intermediate" or "undetermined" (too few levels).</param>
/// <param name="Position">(⟨r̃⟩ − Poisson) / (GOE − Poisson): 0 Poisson, 1 GOE; with the finite-size means at the user's n when the basis is "finite-size", else the asymptotic values.</param>
/// <param name="PGoe">Two-sided normal p-value of ⟨r̃⟩ against the GOE reference.</param>
/// <param name="Basis">"finite-size" or "asymptotic".</param>
/// <param name="Reasons">Plain sentences saying why.</param>
public sealed record Verdict(string Class, double? Position, double? ZGoe, double? ZPoisson, double? PGoe, double? PPoisson, string Basis,
    IReadOnlyList<string> Reasons)
{
    public const string GoeLike = "GOE-like";
    public const string PoissonLike = "Poisson-like";
    public const string Intermediate = "intermediate";
    public const string Undetermined = "undetermined";
}
