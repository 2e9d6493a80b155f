namespace Spectra.Analysis;

/// <summary>The spectrum's shape: level counts, zero modes and range.</summary>
public sealed record SpectrumSummary(int Eigenvalues, int ZeroModes, double ZeroThreshold, int NonZero, double? LargestEigenvalue,
    double? SmallestNonZeroEigenvalue, double? SmallestEigenvalue)
{
    public static SpectrumSummary Of(EigenSpectrum s) => new(s.Count, s.ZeroModes, s.ZeroThreshold, s.NonZero.Count,
        s.NonZero.Count > 0 ? s.NonZero[^1] : null, s.NonZero.Count > 0 ? s.NonZero[0] : null, s.Count > 0 ? s.All[0] : null);
}

/// <summary>The bulk: requested and applied trimming, and its range.</summary>
public sealed record BulkSummary(int KTopRequested, int KBottomRequested, int KTop, int KBottom, int Levels, double? Lowest, double? Highest)
{
    public static BulkSummary Of(BulkSelection b) => new(b.KTopRequested, b.KBottomRequested, b.KTop, b.KBottom, b.Count,
        b.Count > 0 ? b.Levels[0] : null, b.Count > 0 ? b.Levels[^1] : null);
}
