namespace Spectra.Checks;

/// <summary>A batch's report (all of its rows) and the check's outcome.</summary>
public sealed record CheckRunResult(ReportDocument Report, CheckResult Result);

/// <summary>
/// A check, as <c>spectra check</c> and the notebook API run it: the batch is analysed, refused if
/// not comparable with the baseline, matched in size (<see cref="SizeMatch"/>; a larger batch is
/// analysed a second time on a subset of the baseline's row count) and evaluated under the rules.
/// </summary>
internal static class CheckRun
{
    /// <param name="analyze">Analyses a source with the baseline's options, reporting to the progress given; called on the batch and, for a larger batch, on its subset.</param>
    /// <param name="seed">The seed of the subset a larger batch is reduced to.</param>
    /// <param name="progress">The batch's analysis reports here (the subset's does not).</param>
    public static CheckRunResult Execute(IDataSource batch, Baseline baseline, RuleSet rules, int seed,
        Func<IDataSource, IProgress<SpectraProgress>?, ReportDocument> analyze, string baselinePath = "baseline", IProgress<SpectraProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(analyze);
        // No cache: most batches need one read, and a larger one is simply read again for its subset.
        var report = analyze(batch, progress);
        BaselineBuilder.EnsureComparable(baseline, report, baselinePath);
        var whole = FingerprintMetrics.From(report);
        var match = SizeMatch.Plan(baseline, report.Matrix.Samples, seed);
        // The subset is drawn over the rows as read, rows dropped as non-finite included.
        var matched = match.Method == SizeMatchMethod.Subsample
            ? FingerprintMetrics.From(analyze(new SubsetSource(batch, seed, report.Matrix.Samples + report.Matrix.DroppedRows, match.ComparedSamples), null))
            : whole;
        return new CheckRunResult(report, CheckEvaluator.Evaluate(rules, whole, matched, baseline, match));
    }
}
