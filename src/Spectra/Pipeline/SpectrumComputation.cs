namespace Spectra.Pipeline;

/// <summary>Everything the pipeline computed from one pass over a source.</summary>
/// <param name="Spectrum">The spectrum of the requested matrix over all rows.</param>
/// <param name="Realisations">Spectra of seeded random row subsamples (the form factor averages over them).</param>
/// <param name="PerLabel">One spectrum per class label, when asked for and the source has labels.</param>
/// <param name="Duplicates">Rows that repeat an earlier row exactly.</param>
/// <param name="Source">What the source read and skipped.</param>
/// <param name="FeatureNames">Names of the features that entered the matrix, when the source has names.</param>
public sealed record SpectrumComputation(
    EigenSpectrum Spectrum,
    IReadOnlyList<EigenSpectrum> Realisations,
    IReadOnlyDictionary<string, EigenSpectrum> PerLabel,
    DuplicateRows Duplicates,
    SourceInfo Source,
    IReadOnlyList<string>? FeatureNames);
