using static Spectra.Notebooks.NotebookHtml;

namespace Spectra.Notebooks;

/// <summary>Per-class level statistics: a table and ⟨r̃⟩ per class between the Poisson and GOE references.</summary>
internal static class ClassHtml
{
    public static string Classes(ClassSpectra c)
    {
        var sb = new StringBuilder("<table class=\"classes\"><tr><th>#</th><th>class</th><th>samples</th><th>non-zero levels</th><th>bulk</th><th>⟨r̃⟩</th><th>α</th><th>S / ln n</th><th>verdict</th></tr>\n");
        for (var i = 0; i < c.Rows.Count; i++)
        {
            var r = c.Rows[i];
            var ratio = r.RatioMean is { } m ? $"{F(m)} ± {F(r.RatioStandardError)}" : "n/a";
            sb.Append($"<tr><td class=\"n\">{i}</td><td>{E(r.Label)}</td><td class=\"n\">{I(r.Samples)}</td><td class=\"n\">{I(r.NonZero)}</td><td class=\"n\">{I(r.BulkLevels)}</td>" +
                      $"<td class=\"n\">{ratio}</td><td class=\"n\">{F(r.Alpha, 3)}</td><td class=\"n\">{F(r.EntropyNormalized, 3)}</td><td>{E(r.Verdict.Class)}</td></tr>\n");
        }
        sb.Append("</table>\n");
        var points = c.Rows.Select((r, i) => (r, i)).Where(x => x.r.RatioMean is not null).Select(x => new ChartPoint(x.i, x.r.RatioMean!.Value)).ToList();
        if (points.Count > 0)
        {
            var chart = new Chart("chart-classes", "⟨r̃⟩ per class (index as in the table)",
                new ChartAxis("class #", AxisScale.Linear, -0.5, c.Rows.Count - 0.5), new ChartAxis("⟨r̃⟩", AxisScale.Linear, 0.3, 0.6),
                new ChartSeries[]
                {
                    new PointSeries("class ⟨r̃⟩", "#1f4e79", points, Radius: 4),
                    new HorizontalMarker($"GOE {F(SpacingRatioReferences.GoeMean)}", "#d62728", SpacingRatioReferences.GoeMean),
                    new HorizontalMarker($"Poisson {F(SpacingRatioReferences.PoissonMean)}", "#2ca02c", SpacingRatioReferences.PoissonMean),
                }, Height: 320, Legend: LegendPosition.BottomRight);
            sb.Append(Charts(new[] { chart }));
        }
        return sb.ToString();
    }
}
