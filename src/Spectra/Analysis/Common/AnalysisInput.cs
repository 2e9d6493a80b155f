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
