namespace Spectra.Checks;

/// <summary>
/// Makes a baseline: the metrics of the full data, each with the standard deviation over
/// <c>replicates</c> Poisson-bootstrap replicates of the rows. The duplicate metrics are counts on
/// the data itself, so they keep their full-data value and no spread.
/// </summary>
internal static class BaselineBuilder
{
    /// <summary>How a method draws the replicates and what the spread is, as the baseline file records it.</summary>
    public static string Describe(ResamplingMethod method) => method switch
    {
        ResamplingMethod.HalfSample => "half-sample: random halves of the rows; spread = standard deviation over replicates (equals the spread at M for a mean)",
        _ => "poisson-bootstrap: each row repeated Poisson(1) times; spread = standard deviation over replicates",
    };

    public static (Baseline Baseline, ReportDocument Report) Build(IDataSource source, int replicates, int seed, ResamplingMethod method,
        Func<IDataSource, ReportDocument> analyzeFull, Func<IDataSource, ReportDocument> analyzeReplicate,
        IProgress<SpectraProgress>? progress = null)
    {
        if (replicates < 2)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"a baseline needs at least 2 bootstrap replicates (got {replicates})",
                hint: "use --replicates 20 or more");
        if (replicates > OptionLimits.MaxReplicates)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"a baseline takes at most {OptionLimits.MaxReplicates} replicates (got {replicates})",
                hint: "20 to 100 replicates give the spreads to a few per cent");
        var report = analyzeFull(source);
        var full = FingerprintMetrics.From(report);
        var samples = new List<IReadOnlyList<Metric>>();
        var inverseRows = 0.0;
        for (var b = 0; b < replicates; b++)
        {
            progress?.Report(new SpectraProgress("bootstrap", b, replicates));
            IDataSource replicate = method == ResamplingMethod.HalfSample ? new HalfSampleSource(source, seed, b) : new PoissonBootstrapSource(source, seed, b);
            var doc = analyzeReplicate(replicate);
            samples.Add(FingerprintMetrics.From(doc).Where(m => !MetricTable.CountsWholeInput(m.Key)).ToList());
            inverseRows += 1.0 / doc.Matrix.Samples;
        }
        progress?.Report(new SpectraProgress("bootstrap", replicates, replicates));
        var metrics = FingerprintMetrics.WithSpreads(full, samples);
        var baseline = new Baseline
        {
            ToolVersion = report.ToolVersion,
            InputPath = report.Input.Path,
            InputKind = report.Input.Kind,
            ContentHash = report.Input.ContentHash,
            MatrixRequested = report.Matrix.Requested,
            MatrixComputed = report.Matrix.Computed,
            Samples = report.Matrix.Samples,
            Features = report.Matrix.Features,
            Options = report.Options,
            Replicates = replicates,
            Seed = seed,
            BootstrapMethod = Describe(method),
            // Harmonic, because a check interpolates in 1/M (see SizeMatch).
            ReplicateSamples = method == ResamplingMethod.HalfSample ? replicates / inverseRows : null,
            Metrics = metrics,
        };
        return (baseline, report);
    }

    /// <summary>Refuses a comparison that would be meaningless: another matrix kind or another feature count.</summary>
    public static void EnsureComparable(Baseline baseline, ReportDocument current, string baselinePath)
    {
        if (!string.Equals(baseline.MatrixRequested, current.Matrix.Requested, StringComparison.Ordinal))
            throw SpectraException.Invalid(
                $"the baseline describes the {baseline.MatrixRequested} matrix, this run the {current.Matrix.Requested} matrix", baselinePath,
                hint: $"run the check with --matrix {baseline.MatrixRequested}, or re-create the baseline");
        if (baseline.Features != current.Matrix.Features)
            throw SpectraException.Invalid(
                $"the baseline has {baseline.Features} features, this input {current.Matrix.Features}", baselinePath,
                hint: "check the input (image size, --resize, --color, --columns) or re-create the baseline");
    }
}
