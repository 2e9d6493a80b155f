namespace Spectra.Studies;

/// <summary>The one way a study turns rows into a spectrum: the main pipeline, without its extras.</summary>
internal static class StudySpectra
{
    /// <summary>The pipeline options a study uses for each of its many spectra: no realisations, no duplicate scan.</summary>
    public static SpectrumOptions Lean(SpectrumOptions options) => options with { Realisations = 0, DetectDuplicates = false, PerLabel = false };

    public static EigenSpectrum Of(IDataSource source, SpectrumOptions options, CancellationToken cancellationToken = default) =>
        SpectrumPipeline.Run(source, Lean(options), null, cancellationToken).Spectrum;
}
