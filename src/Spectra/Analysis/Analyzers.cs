namespace Spectra.Analysis;

/// <summary>Every analyzer, one stateless instance each: the place to find them.</summary>
internal static class Analyzers
{
    public static SpacingRatioAnalyzer SpacingRatio { get; } = new();

    public static SpacingDistributionAnalyzer SpacingDistribution { get; } = new();

    public static FormFactorAnalyzer FormFactor { get; } = new();

    public static PowerLawAnalyzer PowerLaw { get; } = new();

    public static EntropyAnalyzer Entropy { get; } = new();

    public static MarchenkoPasturAnalyzer MarchenkoPastur { get; } = new();
}
