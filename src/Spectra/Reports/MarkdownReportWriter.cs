using System.Text;
using Spectra.Reports.Document;
using static Spectra.Reports.HtmlReportWriter;

namespace Spectra.Reports;

/// <summary>An analysis as a short Markdown section (fits a CI step summary): the verdict and the fingerprint table.</summary>
public static class MarkdownReportWriter
{
    public static string Write(ReportDocument r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var m = r.Matrix;
        var sb = new StringBuilder();
        sb.Append($"## Spectra: `{MarkdownText.Code(r.Input.Path)}` is {r.Verdict.Class}\n\n");
        sb.Append($"{MarkdownText.Cell(r.Verdict.Summary)}.\n\n");
        sb.Append($"{m.Samples} samples × {m.Features} features ({r.Input.Kind}); {m.Requested} matrix (computed: {m.Computed}); ");
        sb.Append($"{r.Spectrum.ZeroModes} zero modes; bulk of {r.Spectrum.BulkCount}; duplicates {r.Input.DuplicateCount} ({F(r.Input.DuplicateRate * 100, 2)} %); ");
        sb.Append($"backend {r.Backend.Name}; spectra {r.ToolVersion}.\n\n");
        sb.Append("| statistic | value | GOE | Poisson |\n|---|---:|---:|---:|\n");
        if (r.SpacingRatio is { } sr)
        {
            sb.Append($"| spacing ratio ⟨r̃⟩ | {F(sr.Mean, 4)} ± {F(sr.Se, 4)} | {F(sr.GoeReference, 4)} | {F(sr.PoissonReference, 4)} |\n");
            sb.Append($"| position Poisson → GOE | {F(sr.GoePosition, 3)} | 1 | 0 |\n");
        }
        if (r.Spacing is { } sp) sb.Append($"| P(s): KL to the reference | | {F(sp.KlGoe, 4)} | {F(sp.KlPoisson, 4)} |\n");
        if (r.FormFactor is { } ff) sb.Append($"| Thouless time τ_Th | {(ff.ThoulessTime is { } t ? F(t, 4) : "none")} | – | – |\n");
        if (r.PowerLaw is { } p) sb.Append($"| power-law α | {F(p.Alpha, 4)} [{F(p.CiLow, 4)}, {F(p.CiHigh, 4)}], R² {F(p.R2, 4)} | – | – |\n");
        if (r.Entropy is { } e) sb.Append($"| entropy S / ln n | {F(e.Normalized, 4)} (effective rank {F(e.EffectiveRank, 1)}) | – | – |\n");
        if (r.MarchenkoPastur is { } mp) sb.Append($"| above the Marchenko–Pastur edge | {mp.AboveEdge} (λ₊ = {G(mp.LambdaPlus)}) | – | 0 |\n");
        if (r.Input.DuplicateExamples.Count > 0)
        {
            sb.Append("\nFirst duplicate pairs:\n\n");
            foreach (var d in r.Input.DuplicateExamples.Take(5)) sb.Append($"- `{MarkdownText.Code(d.Duplicate)}` repeats `{MarkdownText.Code(d.First)}`\n");
        }
        return sb.ToString();
    }
}
