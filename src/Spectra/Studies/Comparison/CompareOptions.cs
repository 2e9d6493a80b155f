namespace Spectra.Studies.Comparison;

/// <summary>Options of <c>spectra compare A B</c>.</summary>
internal sealed record CompareOptions
{
    /// <summary>Pipeline options for datasets; its realisations (seeded half-subsamples) give each statistic's spread.</summary>
    public SpectrumOptions Spectrum { get; init; } = SpectrumOptions.Default;

    public HeadlineOptions Headline { get; init; } = HeadlineOptions.Default;

    /// <summary>The analysis options of each side's verdict (those of 'spectra analyze', so a side reads as its analysis).</summary>
    public AnalysisOptions Analysis { get; init; } = AnalysisOptions.Default;

    /// <summary>|difference| / spread beyond which a statistic differs.</summary>
    public double Sigmas { get; init; } = 3;

    /// <summary>Two-sample KS p-value below which two distributions differ.</summary>
    public double KsAlpha { get; init; } = 0.001;

    /// <summary>Histogram bins for the Hellinger distances (spacings on [0, 4], ratios on [0, 1]).</summary>
    public int SpacingBins { get; init; } = 40;

    public int RatioBins { get; init; } = 20;

    /// <summary>Relative difference of the sample counts M (or feature counts d) above which the result warns that sizes differ.</summary>
    public double SizeTolerance { get; init; } = 0.1;

    public static CompareOptions Default { get; } = new();
}
