namespace Spectra.Checks;

/// <summary>How a check brings a batch and its baseline to the same number of rows.</summary>
public enum SizeMatchMethod
{
    /// <summary>The batch has the baseline's row count: metrics are compared as they are.</summary>
    SameSize,

    /// <summary>A larger batch: its metrics are computed again on a seeded random subset of the baseline's row count.</summary>
    Subsample,

    /// <summary>A smaller batch: the baseline's values are moved to the batch's row count along its half-sample curve.</summary>
    Interpolation,

    /// <summary>A batch smaller than the baseline can describe: metrics that compare with it are not compared.</summary>
    Unmatched,
}

/// <summary>
/// Matches sizes for a check. Most spectral metrics drift with the row count M at a fixed d (the
/// count above the Marchenko–Pastur edge follows q = d/M; α and the entropy carry O(d/M) biases), while
/// a baseline's spreads are those of its own M. A larger batch is therefore subsampled to the
/// baseline's M, which compares like with like exactly. For a smaller batch of m rows the baseline's
/// value is moved along the straight line in 1/M through its full value (M rows) and its half-samples'
/// mean (≈ M/2 rows), finite-size biases being of order 1/M; the spread becomes
/// s·√((1 + M/m)/2), so that the default bands keep their false-alarm rate (a fresh sample of m rows
/// scatters by s·√(M/m), the baseline itself by s, and at m = M the difference scatters by s√2).
/// </summary>
public sealed record SizeMatch(SizeMatchMethod Method, long BatchSamples, long ComparedSamples, long BaselineSamples, double? CurveSamples, int Seed)
{
    /// <summary>
    /// How far below the half-samples' size the line in 1/M is extended: a little, so that a batch of
    /// exactly M/2 rows is matched although the replicates' mean size scatters around M/2.
    /// </summary>
    public const double Extension = 0.05;

    /// <summary>The smallest batch this baseline can be matched to, or null when it holds no curve.</summary>
    public long? SmallestBatch => CurveSamples is { } h && h < BaselineSamples ? (long)Math.Ceiling(h * (1 - Extension)) : null;

    public static SizeMatch Plan(Baseline baseline, long batchSamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var m = baseline.Samples;
        var curve = baseline.ReplicateSamples is { } h && double.IsFinite(h) && h > 1 && h < m ? h : (double?)null;
        var plan = new SizeMatch(SizeMatchMethod.SameSize, batchSamples, batchSamples, m, curve, seed);
        if (batchSamples == m) return plan;
        if (batchSamples > m) return plan with { Method = SizeMatchMethod.Subsample, ComparedSamples = m };
        return plan.SmallestBatch is { } lowest && batchSamples >= lowest
            ? plan with { Method = SizeMatchMethod.Interpolation }
            : plan with { Method = SizeMatchMethod.Unmatched };
    }

    /// <summary>
    /// The baseline's metric at the compared row count: itself unless interpolating; null when it has
    /// no half-sample mean or spread to interpolate with.
    /// </summary>
    public Metric? Reference(Metric baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (Method != SizeMatchMethod.Interpolation) return baseline;
        if (baseline.ReplicateMean is not { } half || baseline.Spread is not { } spread || CurveSamples is not { } h) return null;
        var t = (1.0 / ComparedSamples - 1.0 / BaselineSamples) / (1.0 / h - 1.0 / BaselineSamples);
        return baseline with
        {
            Value = baseline.Value + t * (half - baseline.Value),
            Spread = spread * Math.Sqrt((1 + (double)BaselineSamples / ComparedSamples) / 2),
        };
    }

    /// <summary>One sentence for every output: what was compared at which size, and how.</summary>
    public string Description => Method switch
    {
        SizeMatchMethod.SameSize => $"the batch has the baseline's {N(BaselineSamples)} rows: metrics compared as they are",
        SizeMatchMethod.Subsample =>
            $"the batch has {N(BatchSamples)} rows, the baseline {N(BaselineSamples)}: the metrics compared with the baseline were computed on a random subset of " +
            $"{N(ComparedSamples)} rows (seed {Seed}), the baseline's size; duplicates and absolute limits on all rows",
        SizeMatchMethod.Interpolation =>
            $"the batch has {N(BatchSamples)} rows, the baseline {N(BaselineSamples)}: each baseline value was moved to {N(BatchSamples)} rows along the line in 1/M " +
            $"through the baseline and its half-samples (≈ {N((long)Math.Round(CurveSamples!.Value))} rows), its spread scaled by √((1 + M/m)/2) = " +
            $"{Band.Fmt(Math.Sqrt((1 + (double)BaselineSamples / BatchSamples) / 2))}",
        _ => $"the batch has {N(BatchSamples)} rows, fewer than this baseline of {N(BaselineSamples)} rows can be matched to " +
             (SmallestBatch is { } s ? $"({N(s)} or more)" : "(its resamples are not smaller samples, so only batches of its size or larger)") +
             ": metrics that compare with the baseline were not compared; check a larger batch or make the baseline on fewer rows",
    };

    /// <summary>The short note a rule's message carries.</summary>
    internal string Note => Method switch
    {
        SizeMatchMethod.Subsample => $"on {N(ComparedSamples)} of {N(BatchSamples)} rows",
        SizeMatchMethod.Interpolation => $"baseline moved to {N(BatchSamples)} rows",
        SizeMatchMethod.Unmatched => SmallestBatch is { } s
            ? $"the batch's {N(BatchSamples)} rows are fewer than the {N(s)} this baseline can be matched to"
            : $"the batch's {N(BatchSamples)} rows are fewer than the baseline's {N(BaselineSamples)}, and its resamples are not smaller samples",
        _ => "",
    };

    internal static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
