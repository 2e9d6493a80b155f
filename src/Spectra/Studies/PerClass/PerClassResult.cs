namespace Spectra.Studies.PerClass;

/// <summary>The level statistics of one class, or of all classes pooled.</summary>
/// <param name="Label">Class label; "(pooled)" for all rows together.</param>
/// <param name="Verdict">The verdict 'spectra analyze' gives on this class's data alone (the same rule, references and seed).</param>
public sealed record ClassSpectrum(string Label, long Samples, HeadlineStatistics Statistics, Verdict Verdict);

/// <param name="RatioDrop">Sample-weighted mean of the classes' ⟨r̃⟩ minus the pooled ⟨r̃⟩.</param>
/// <param name="RatioDropStandardError">Its standard error (classes and pooled treated as independent).</param>
/// <param name="Mixing">Whether the mixing signature is present (see <see cref="PerClassOptions"/>).</param>
/// <param name="Warning">The message a report shows when <paramref name="Mixing"/> is true.</param>
/// <param name="UnlabelledSamples">Rows without a label (pooled only).</param>
public sealed record PerClassResult(ClassSpectrum Pooled, IReadOnlyList<ClassSpectrum> Classes, double? RatioDrop,
    double? RatioDropStandardError, bool Mixing, string? Warning, long UnlabelledSamples, string Rule);
