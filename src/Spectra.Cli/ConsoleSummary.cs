using System.Globalization;
using Spectra.Reports.Document;
using Spectre.Console;

namespace Spectra.Cli;

/// <summary>The console summary: what was read, then a table of each statistic beside its GOE and Poisson reference, then the verdict.</summary>
public static class ConsoleSummary
{
    public static void Write(ReportDocument r, CliIo io, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(io.Out),
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!color) console.Profile.Width = 120;

        var m = r.Matrix;
        console.MarkupLine($"[bold]{Markup.Escape(r.Input.Path)}[/] ({Markup.Escape(r.Input.Kind)}, {r.Input.Files} file(s){(r.Input.Skipped.Count > 0 ? $", {r.Input.Skipped.Count} skipped" : "")})");
        console.MarkupLine(Markup.Escape($"{m.Samples} samples × {m.Features} features; {m.Requested} matrix (computed: {m.Computed}); " +
            $"{r.Spectrum.Eigenvalues.Count} eigenvalues, {r.Spectrum.ZeroModes} zero modes, bulk {r.Spectrum.BulkCount} (k_top {r.Spectrum.KTop}, k_bottom {r.Spectrum.KBottom})"));
        console.MarkupLine(Markup.Escape($"backend {r.Backend.Name} ({r.Backend.Threads} thread(s)); duplicates {r.Input.DuplicateCount} ({F(r.Input.DuplicateRate * 100, 2)}%)"));
        foreach (var d in r.Input.DuplicateExamples.Take(3))
            console.MarkupLine(Markup.Escape($"  duplicate: {d.Duplicate} repeats {d.First}"));

        var table = new Table().Border(TableBorder.Rounded).Title("Spectral fingerprint");
        table.AddColumn("statistic");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddColumn(new TableColumn("GOE").RightAligned());
        table.AddColumn(new TableColumn("Poisson").RightAligned());
        void Row(string name, string value, string goe = "–", string poisson = "–") =>
            table.AddRow(Markup.Escape(name), Markup.Escape(value), Markup.Escape(goe), Markup.Escape(poisson));

        if (r.SpacingRatio is { } sr)
        {
            Row("spacing ratio ⟨r̃⟩", $"{F(sr.Mean, 4)} ± {F(sr.Se, 4)}", F(sr.GoeReference, 4), F(sr.PoissonReference, 4));
            Row("position Poisson → GOE", F(sr.GoePosition, 3), "1", "0");
        }
        if (r.Spacing is { } sp)
            Row("P(s): KL to reference", "", F(sp.KlGoe, 4), F(sp.KlPoisson, 4));
        if (r.FormFactor is { } ff)
            Row("K(τ): Thouless time τ_Th", ff.ThoulessTime is { } t ? F(t, 4) : "none", "ramp 2τ − τ ln(1+2τ)", "flat 1");
        if (r.PowerLaw is { } p)
            Row("power law α (λ_i ∝ i^-(1+α))", $"{F(p.Alpha, 4)} [{F(p.CiLow, 4)}, {F(p.CiHigh, 4)}], R² {F(p.R2, 4)}");
        if (r.Entropy is { } e)
            Row("entropy S / ln n", $"{F(e.Normalized, 4)} (effective rank {F(e.EffectiveRank, 1)})");
        if (r.MarchenkoPastur is { } mp)
            Row("above Marchenko–Pastur edge", $"{mp.AboveEdge} (λ₊ = {G(mp.LambdaPlus)}, q = {F(mp.Q, 4)})");
        console.Write(table);

        var style = r.Verdict.Class switch { "goe" => "green", "poisson" => "yellow", _ => "blue" };
        console.MarkupLine($"verdict: [bold {style}]{Markup.Escape(r.Verdict.Class)}[/]: {Markup.Escape(r.Verdict.Summary)}");
    }

    internal static string F(double v, int decimals) => double.IsFinite(v) ? v.ToString("F" + decimals, CultureInfo.InvariantCulture) : "n/a";
    internal static string G(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "n/a";
}
