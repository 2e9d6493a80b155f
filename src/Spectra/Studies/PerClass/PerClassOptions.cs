using Spectra.Pipeline;

namespace Spectra.Studies.PerClass;

/// <summary>
/// Options of the per-class study. The mixing rule (docs/studies.md): a spectrum is GOE-like when its
/// ⟨r̃⟩ is not significantly below GOE (0.5307 − ⟨r̃⟩ ≤ <see cref="Sigmas"/> σ), Poisson-like when it is not
/// significantly above Poisson, intermediate otherwise. Mixing is flagged when the pooled spectrum is not
/// GOE-like, every class with enough levels is, and the pooled ⟨r̃⟩ lies significantly below the classes'.
/// </summary>
public sealed record PerClassOptions
{
    public SpectrumOptions Spectrum { get; init; } = SpectrumOptions.Default;
    public HeadlineOptions Headline { get; init; } = HeadlineOptions.Default;

    /// <summary>Standard errors of ⟨r̃⟩ that make a difference significant.</summary>
    public double Sigmas { get; init; } = 3;

    public static PerClassOptions Default { get; } = new();
}
