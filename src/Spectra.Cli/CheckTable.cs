namespace Spectra.Cli;

/// <summary>The console table of a check: one row per rule.</summary>
public static class CheckTable
{
    public static void Write(CheckResult result, CliIo io)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(io.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        var table = new Table().Border(TableBorder.Rounded).Title($"Check: {result.Status.ToString().ToUpperInvariant()}");
        table.AddColumn("rule");
        table.AddColumn("status");
        table.AddColumn("detail");
        foreach (var o in result.Outcomes)
            table.AddRow(Markup.Escape(o.Rule.DisplayName), Markup.Escape(o.Status.ToString().ToLowerInvariant()), Markup.Escape(o.Message));
        console.Write(table);
        if (result.SizeMatch is { } match) io.Out.WriteLine("Sizes: " + match.Description);
    }
}
