using Spectre.Console.Rendering;

namespace Spectra.Cli;

/// <summary>The percentage of a bar whose total is known; blank for a count without a total, where "0%" would read as stuck.</summary>
public sealed class KnownTotalPercentageColumn : ProgressColumn
{
    private readonly PercentageColumn _percentage = new();

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        task.IsIndeterminate ? new Text("    ") : _percentage.Render(options, task, deltaTime);
}
