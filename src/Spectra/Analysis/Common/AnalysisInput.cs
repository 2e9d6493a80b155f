namespace Spectra.Analysis;

/// <summary>What every analyzer reads: the spectrum, its bulk, and the seed for any random choice (bootstrap, subsampling).</summary>
internal sealed record AnalysisInput(EigenSpectrum Spectrum, BulkSelection Bulk, int Seed)
{
    public static AnalysisInput Of(EigenSpectrum spectrum, int kTop = BulkSelection.DefaultKTop,
        int kBottom = BulkSelection.DefaultKBottom, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        return new(spectrum, spectrum.Bulk(kTop, kBottom), seed);
    }
}

/// <summary>The common shape of an analyzer: immutable options in, a result with a status out.</summary>
internal interface ISpectrumAnalyzer<in TOptions, TResult> where TResult : class
{
    /// <summary>Short name used as the key in reports ("spacing_ratio", "power_law", ...).</summary>
    string Name { get; }

    AnalyzerOutcome<TResult> Analyze(AnalysisInput input, TOptions options);
}
