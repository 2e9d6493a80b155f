namespace Spectra.Studies.SampleSize;

/// <summary>
/// The sample-size scan: M on a log grid of M/d (default d/8 … 16 d in factors of 2, capped by the
/// rows available, with the full data as the last point), several seeded random subsets per M.
/// </summary>
public sealed record SampleSizeOptions
{
    public double MinSamplesPerFeature { get; init; } = 1.0 / 8;
    public double MaxSamplesPerFeature { get; init; } = 16;

    /// <summary>Grid points per factor of 2 in M.</summary>
    public int PointsPerOctave { get; init; } = 1;

    /// <summary>An explicit grid of M/d values instead of the log grid.</summary>
    public IReadOnlyList<double>? SamplesPerFeature { get; init; }

    /// <summary>Random subsets per M (the full data counts once).</summary>
    public int Subsets { get; init; } = 3;

    public int Seed { get; init; }

    internal SpectrumOptions Spectrum { get; init; } = SpectrumOptions.Default;
    public HeadlineOptions Headline { get; init; } = HeadlineOptions.Default;

    /// <summary>The analysis options of each subset's verdict (those of 'spectra analyze', so a subset reads as its analysis would).</summary>
    public AnalysisOptions Analysis { get; init; } = AnalysisOptions.Default;
    public CriticalTolerances Tolerances { get; init; } = CriticalTolerances.Default;

    /// <summary>Memory limit for holding the decoded rows (the scan decodes once and subsamples rows).</summary>
    public long MaxBytes { get; init; } = DataMatrix.DefaultMaxBytes;

    public static SampleSizeOptions Default { get; } = new();

    internal void Validate()
    {
        if (Subsets < 1 || Subsets > 1000) throw Bad($"subsets per sample size must be 1…1000 (got {Subsets})");
        if (PointsPerOctave < 1 || PointsPerOctave > 16) throw Bad($"grid points per octave must be 1…16 (got {PointsPerOctave})");
        if (!(MinSamplesPerFeature > 0) || !(MaxSamplesPerFeature >= MinSamplesPerFeature) || !double.IsFinite(MaxSamplesPerFeature))
            throw Bad($"the M/d range {MinSamplesPerFeature}…{MaxSamplesPerFeature} is empty or not positive");
        if (SamplesPerFeature is { } grid && (grid.Count == 0 || grid.Any(g => !(g > 0) || !double.IsFinite(g))))
            throw Bad("an explicit M/d grid needs positive, finite values");
    }

    private static SpectraException Bad(string m) => new(SpectraErrorKind.InvalidOption, m);
}
