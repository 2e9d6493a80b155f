using Spectra.Studies.Rendering;

namespace Spectra.Fluent;

/// <summary>A study run from a <see cref="Dataset"/>: its result, the tables every output shares and its charts.</summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })]
public class DatasetStudy
{
    internal DatasetStudy(object result, StudyTables.View view, IReadOnlyList<Chart> charts)
    {
        Result = result;
        View = view;
        Charts = charts;
    }

    public object Result { get; }
    internal StudyTables.View View { get; }
    internal IReadOnlyList<Chart> Charts { get; }

    /// <summary>The tables as aligned plain text (what the CLI prints).</summary>
    public string ToText() => StudyTables.Text(View);

    public override string ToString() => View.Title;
}

/// <summary>
/// The sample-size scan: the headline statistics on seeded subsets of M = (M/d) · d rows over a grid of
/// M/d, and M_crit, the smallest M from which each statistic stays within tolerance of its reference.
/// </summary>
public sealed class SampleSizeScan : DatasetStudy
{
    internal SampleSizeScan(SampleSizeResult result) : base(result, StudyTables.Of(result), ScanCharts.All(result)) => Scan = result;

    public SampleSizeResult Scan { get; }

    /// <summary>M_crit of one statistic ("mean_ratio", "spacing_kl_goe", "alpha", "normalized_entropy"), null when not reached.</summary>
    public int? CriticalSamples(string statistic) => Scan.CriticalOf(statistic).Samples;
}
