using Spectra.Studies.Attribution;
using Spectra.Studies.Comparison;
using Spectra.Studies.PerClass;
using Spectra.Studies.SingleImage;
using Spectra.Studies.Surrogates;
using static Spectra.Studies.Rendering.StudyHtml;

namespace Spectra.Studies.Rendering;

/// <summary>
/// Each study result as tables and notes: one description shared by the console, Markdown-like text
/// and the HTML page, so every output says the same thing.
/// </summary>
internal static class StudyTables
{
    public sealed record View(string Title, IReadOnlyList<string> Notes, IReadOnlyList<Table> Tables);

    public static View Of(SampleSizeResult r)
    {
        var header = new List<string> { "M", "M/d", "subsets" };
        foreach (var n in HeadlineStatistics.Names) { header.Add(n); header.Add("± sd"); }
        header.Add("verdict");
        var rows = r.Points.Select(p =>
        {
            var row = new List<string> { I(p.Samples), N(p.SamplesPerFeature), I(p.Subsets.Count) };
            foreach (var n in HeadlineStatistics.Names)
            {
                row.Add(N(p.Of(n).Spread.Mean));
                row.Add(p.Of(n).Spread.Count > 1 ? N(p.Of(n).Spread.StandardDeviation, "G2") : "—");
            }
            row.Add(p.VerdictSummary);
            return (IReadOnlyList<string>)row;
        }).ToList();
        var critical = r.Critical.Select(c => (IReadOnlyList<string>)new[]
            { c.Statistic, c.Samples is null ? "not reached" : I(c.Samples.Value), N(c.SamplesPerFeature), c.Reference, N(c.ReferenceValue), c.Tolerance }).ToList();
        return new View($"Sample-size scan: d = {r.Features}, {r.AvailableSamples} samples available",
            Array.Empty<string>(),
            new[]
            {
                new Table("Statistics against M (mean and standard deviation over seeded subsets)", header, rows),
                new Table("M_crit per statistic", new[] { "statistic", "M_crit", "M_crit / d", "reference", "value", "tolerance" }, critical),
            });
    }

    public static View Of(PerClassResult r)
    {
        var rows = r.Classes.Prepend(r.Pooled).Select(c => (IReadOnlyList<string>)new[]
        {
            c.Label, I(c.Samples), N(c.Statistics.MeanRatio), N(c.Statistics.MeanRatioStandardError, "G2"), N(c.Statistics.RatioPosition),
            N(c.Statistics.SpacingKlGoe), N(c.Statistics.Alpha), N(c.Statistics.NormalizedEntropy),
            N(c.Verdict.ZGoe, "F1"), N(c.Verdict.ZPoisson, "F1"), c.Verdict.Class,
        }).ToList();
        var notes = new List<string>();
        if (r.Warning is not null) notes.Add(r.Warning);
        notes.Add("rule: " + r.Rule);
        return new View("Per-class and pooled spectra", notes, new[]
        {
            new Table("Level statistics per class", new[] { "class", "samples", "⟨r̃⟩", "± se", "position", "KL(P(s)‖GOE)", "α", "S / ln n", "z_GOE", "z_Poisson", "verdict" }, rows),
        });
    }

    public static View Of(SingleImageResult r)
    {
        var orders = r.Orders.Select(o => (IReadOnlyList<string>)new[]
        {
            I(o.Order), I(o.Count), N(o.Mean), N(o.StandardError, "G2"), N(o.GoeMean), N(o.PoissonMean), N(o.Z, "F2"), o.DepartsFromGoe ? "departs" : "GOE-like",
        }).ToList();
        var skipped = r.PerImage.Where(p => p.Skipped is not null).Take(20)
            .Select(p => (IReadOnlyList<string>)new[] { p.Name, p.Skipped! }).ToList();
        var tables = new List<Table>
        {
            new("k-th-order spacing ratios pooled over the images", new[] { "k", "ratios", "⟨r̃_k⟩", "± se", "GOE", "Poisson", "z vs GOE", "" }, orders),
            new("Over the images", new[] { "statistic", "mean", "sd", "min", "max" }, new[]
            {
                (IReadOnlyList<string>)new[] { "α", N(r.Alpha.Mean), N(r.Alpha.StandardDeviation, "G2"), N(r.Alpha.Min), N(r.Alpha.Max) },
                new[] { "S / ln n", N(r.NormalizedEntropy.Mean), N(r.NormalizedEntropy.StandardDeviation, "G2"), N(r.NormalizedEntropy.Min), N(r.NormalizedEntropy.Max) },
            }),
        };
        if (skipped.Count > 0) tables.Add(new Table("Images left out", new[] { "image", "reason" }, skipped));
        return new View($"Single-image spectra: {r.Used} of {r.Images} images, each {r.Height} × {r.Columns}", new[] { r.Summary }, tables);
    }

    public static View Of(SurrogateResult r)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var s in r.Statistics)
            foreach (var c in s.Surrogates)
                rows.Add(new[] { s.Statistic, N(s.Real), c.Kind, N(c.Surrogate.Mean), N(c.Surrogate.StandardDeviation, "G2"), N(c.ZScore, "F1"), N(s.GoeReference), N(c.PositionTowardGoe, "F2") });
        return new View($"Surrogates: {r.Samples} samples × {r.Features} features, seed {r.Seed}", Array.Empty<string>(), new[]
        {
            new Table("Real data against its own surrogates", new[] { "statistic", "real", "surrogate", "mean", "sd", "z", "GOE", "position toward GOE" }, rows),
        });
    }

    public static View Of(AttributionResult r)
    {
        var tables = new List<Table>
        {
            new("Eigenvectors", new[] { "rank", "λ", "variance share", "IPR", "features (1/IPR)", "top features carry", "top samples carry", "identical top samples" },
                r.Components.Select(c => (IReadOnlyList<string>)new[]
                {
                    I(c.Rank), N(c.Eigenvalue), N(c.VarianceShare, "P1"), N(c.InverseParticipationRatio), N(c.ParticipatingFeatures, "F1"),
                    N(c.FeatureConcentration, "P0"), N(c.SampleConcentration, "P0"), I(c.IdenticalTopSamples),
                }).ToList()),
        };
        foreach (var c in r.Components)
        {
            var n = Math.Max(c.TopFeatures.Count, c.TopSamples.Count);
            var rows = Enumerable.Range(0, n).Select(i => (IReadOnlyList<string>)new[]
            {
                i < c.TopFeatures.Count ? c.TopFeatures[i].Name : "", i < c.TopFeatures.Count ? N(c.TopFeatures[i].Loading) : "",
                i < c.TopSamples.Count ? c.TopSamples[i].Name : "", i < c.TopSamples.Count ? N(c.TopSamples[i].Score) : "",
            }).ToList();
            tables.Add(new Table($"Rank {c.Rank}" + (c.Notes.Count > 0 ? ": " + string.Join("; ", c.Notes) : ""),
                new[] { "feature", "loading", "sample", "score" }, rows));
        }
        var notes = new List<string>();
        if (r.ConstantFeatureCount > 0)
            notes.Add($"{r.ConstantFeatureCount} constant feature(s) (zero modes, not spikes): {string.Join(", ", r.ConstantFeatures)}{(r.ConstantFeatureCount > r.ConstantFeatures.Count ? ", …" : "")}");
        return new View($"Eigenvector attribution: {r.Samples} samples × {r.Features} features", notes, tables);
    }

    public static View Of(CompareResult r)
    {
        var stats = r.Statistics.Select(s => (IReadOnlyList<string>)new[]
            { s.Statistic, N(s.A), N(s.B), N(s.Difference), N(s.Spread, "G2"), N(s.Sigmas, "F1"), s.Differs ? "differs" : "" }).ToList();
        var dists = r.Distributions.Select(d => (IReadOnlyList<string>)new[]
            { d.Distribution, I(d.CountA), I(d.CountB), N(d.KsStatistic), N(d.KsPValue, "G3"), N(d.Hellinger), d.Differs ? "differs" : "" }).ToList();
        return new View($"Compare: A = {r.A.Name} ({r.A.Kind}), B = {r.B.Name} ({r.B.Kind})",
            r.Warnings.Select(w => "warning: " + w).Prepend($"verdicts (as 'spectra analyze'): A {Reading(r.A.Verdict)}, B {Reading(r.B.Verdict)}")
                .Prepend(r.Summary).Append("rule: " + r.Rule).ToList(), new[]
        {
            new Table("Headline statistics", new[] { "statistic", "A", "B", "B − A", "spread", "σ", "" }, stats),
            new Table("Distributions", new[] { "distribution", "n_A", "n_B", "KS", "p", "Hellinger", "" }, dists),
        });
    }

    /// <summary>Plain text for a terminal: the title, notes, and each table with aligned columns.</summary>
    public static string Text(View v)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(v.Title);
        foreach (var n in v.Notes) sb.AppendLine("  " + n);
        foreach (var t in v.Tables)
        {
            sb.AppendLine().AppendLine(t.Caption);
            var widths = t.Header.Select((h, i) => Math.Max(h.Length, t.Rows.Count == 0 ? 0 : t.Rows.Max(r => i < r.Count ? r[i].Length : 0))).ToArray();
            sb.AppendLine("  " + string.Join("  ", t.Header.Select((h, i) => h.PadLeft(widths[i]))).TrimEnd());
            foreach (var row in t.Rows)
                sb.AppendLine("  " + string.Join("  ", row.Select((c, i) => c.PadLeft(widths[i]))).TrimEnd());
        }
        return sb.ToString();
    }

    public static string Html(View v, IReadOnlyList<Reports.Charts.Chart>? charts = null) =>
        Page(v.Title, v.Notes, v.Tables, charts ?? Array.Empty<Reports.Charts.Chart>());

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Reading(Verdict v) => $"{v.Class} (z_GOE {N(v.ZGoe, "F1")}, z_Poisson {N(v.ZPoisson, "F1")})";
}
