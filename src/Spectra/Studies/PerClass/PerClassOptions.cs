namespace Spectra.Studies.PerClass;

/// <summary>
/// Options of the per-class study. Each class and the pooled data get the verdict of
/// <see cref="SpectralAnalysis.VerdictOf"/> with <see cref="Analysis"/>, the options 'spectra analyze'
/// uses, so a class row reads exactly as the analysis of that class's own data. Mixing is flagged when
/// the pooled spectrum is not GOE-like, every class with enough levels is consistent with GOE
/// (z_GOE ≥ −<see cref="VerdictOptions.ConsistentZ"/>), and the pooled ⟨r̃⟩ lies <see cref="Sigmas"/>
/// standard errors below the classes'.
/// </summary>
internal sealed record PerClassOptions
{
    public SpectrumOptions Spectrum { get; init; } = SpectrumOptions.Default;
    public HeadlineOptions Headline { get; init; } = HeadlineOptions.Default;

    /// <summary>The analysis options of the verdict (bulk trimming, unfolding, finite-size references, seed, thresholds).</summary>
    public AnalysisOptions Analysis { get; init; } = AnalysisOptions.Default;

    /// <summary>Standard errors by which the pooled ⟨r̃⟩ must lie below the classes' for the mixing flag.</summary>
    public double Sigmas { get; init; } = 3;

    public static PerClassOptions Default { get; } = new();
}
