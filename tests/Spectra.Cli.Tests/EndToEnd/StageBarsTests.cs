using Spectre.Console;

namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>Each stage's bar advances with its reports and stops, clock and all, when the stage is over.</summary>
public class StageBarsTests
{
    private readonly List<ProgressTask> _added = new();

    private StageBars Bars() => new(name =>
    {
        var task = new ProgressTask(_added.Count, name, 100);
        _added.Add(task);
        return task;
    });

    private ProgressTask Bar(string name) => _added.Single(t => t.Description.StartsWith(name, StringComparison.Ordinal));

    [Fact]
    public void A_stage_with_a_known_total_advances_and_stops_at_its_total()
    {
        var bars = Bars();
        bars.Report(new SpectraProgress("decode", 2500, 10_000));
        bars.Report(new SpectraProgress("accumulate", 2500, 10_000));
        Assert.Equal(0.25, Bar("accumulating").Percentage / 100, 12);
        Assert.False(Bar("accumulating").IsIndeterminate);
        Assert.Null(Bar("decoding").StopTime);

        bars.Report(new SpectraProgress("decode", 10_000, 10_000));
        Assert.NotNull(Bar("decoding").StopTime);
        Assert.Null(Bar("accumulating").StopTime);
    }

    [Fact]
    public void A_count_without_a_total_is_closed_when_the_next_stage_begins()
    {
        var bars = Bars();
        bars.Report(new SpectraProgress("accumulate", 10_000, 0));
        var accumulating = Bar("accumulating");
        Assert.True(accumulating.IsIndeterminate);
        Assert.Equal("accumulating (10,000)", accumulating.Description);
        Assert.Null(accumulating.StopTime);

        bars.Report(new SpectraProgress("solve", 0, 1));
        Assert.NotNull(accumulating.StopTime);
        Assert.False(accumulating.IsIndeterminate);
        Assert.Equal(100, accumulating.Percentage);
        var solving = Bar("solving");
        Assert.Null(solving.StopTime);

        bars.Report(new SpectraProgress("solve", 1, 1));
        Assert.NotNull(solving.StopTime);
        var stopped = solving.StopTime;
        // A stopped bar keeps its end: a late report neither moves it nor restarts its clock.
        bars.Report(new SpectraProgress("solve", 0, 1));
        Assert.Equal(stopped, solving.StopTime);
        Assert.Equal(100, solving.Percentage);
    }

    [Fact]
    public void Stages_outside_the_pipeline_are_not_closed_by_it_and_everything_stops_at_the_end()
    {
        var bars = Bars();
        bars.Report(new SpectraProgress("bootstrap", 3, 20));
        bars.Report(new SpectraProgress("solve", 0, 1));
        Assert.Null(Bar("bootstrap").StopTime);
        bars.FinishAll();
        Assert.All(_added, t => Assert.NotNull(t.StopTime));
        Assert.All(_added, t => Assert.Equal(100, t.Percentage));
    }
}
