using System.Globalization;
using Spectra.Reports.Document;

namespace Spectra.Cli;

/// <summary>The console summary: what was read, then a table of each statistic beside its GOE and Poisson reference, then the verdict.</summary>
public static class ConsoleSummary
{
    /// <summary>
    /// The duplicate rate from which the summary warns: one row in a hundred repeated is already far
    /// more than independent samples give, and every copy counts as a sample in the matrix.
    /// </summary>
    public const double DuplicateWarningRate = 0.01;

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
        console.MarkupLine($"[bold]{Markup.Escape(r.Input.Path)}[/] ({Markup.Escape(r.Input.Kind)}, {r.Input.Files} file(s){(r.Input.Skipped.Count > 0 ? $", {Spectra.Data.SkippedItem.Describe(r.Input.Skipped.Count, r.Input.Kind)}" : "")})");
        console.MarkupLine(Markup.Escape($"{m.Describe()}; " +
            $"{r.Spectrum.Eigenvalues.Count} eigenvalues, {r.Spectrum.ZeroModes} zero modes, bulk {r.Spectrum.BulkCount} (k_top {r.Spectrum.KTop}, k_bottom {r.Spectrum.KBottom})"));
        console.MarkupLine(Markup.Escape($"backend {r.Backend.Name} ({r.Backend.Threads} thread(s)); duplicates {r.Input.DuplicateCount} ({F(r.Input.DuplicateRate * 100, 2)}%)"));
        foreach (var d in r.Input.DuplicateExamples.Take(3))
            console.MarkupLine(Markup.Escape($"  duplicate: {d.Duplicate} repeats {d.First}"));
        if (r.Input.DuplicateRate >= DuplicateWarningRate)
            console.MarkupLine((color ? "[yellow]" : "") + Markup.Escape(
                $"warning: {F(r.Input.DuplicateRate * 100, 1)}% of the rows are exact copies of earlier rows; each copy counts as a sample, " +
                "so the matrix describes fewer independent samples than it seems (remove the copies, or check how the data were collected)") +
                (color ? "[/]" : ""));

        var table = new Table().Border(TableBorder.Rounded).Title("Spectral fingerprint");
        table.AddColumn("statistic");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddColumn(new TableColumn("GOE").RightAligned());
        table.AddColumn(new TableColumn("Poisson").RightAligned());
        void Row(string name, string value, string goe = "–", string poisson = "–") =>
            table.AddRow(Markup.Escape(name), Markup.Escape(value), Markup.Escape(goe), Markup.Escape(poisson));

        foreach (var row in Spectra.Reports.FingerprintRows.From(r)) Row(row.Statistic, row.Value, row.Goe, row.Poisson);
        console.Write(table);

        var style = r.Verdict.Class switch { "GOE-like" => "green", "Poisson-like" => "yellow", _ => "blue" };
        console.MarkupLine($"verdict: [bold {style}]{Markup.Escape(r.Verdict.Class)}[/]: {Markup.Escape(r.Verdict.Summary)}");
    }

    internal static string F(double v, int decimals) => double.IsFinite(v) ? v.ToString("F" + decimals, CultureInfo.InvariantCulture) : "n/a";
    internal static string G(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "n/a";
}
