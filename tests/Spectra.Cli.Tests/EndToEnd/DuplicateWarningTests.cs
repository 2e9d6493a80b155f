namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>A dataset made mostly of copies gets a warning in the summary, not only a count.</summary>
public class DuplicateWarningTests : IDisposable
{
    private const int Features = 12;
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Summary(int distinct, int copies)
    {
        var rng = new Random(5);
        var rows = new double[(distinct + copies) * Features];
        for (var i = 0; i < distinct * Features; i++) rows[i] = rng.NextDouble();
        for (var c = 0; c < copies; c++)
            Array.Copy(rows, (c % distinct) * Features, rows, (distinct + c) * Features, Features);
        var path = _tmp.File($"rows{distinct}_{copies}.npy");
        NpyWriter.WriteSamples(path, rows, distinct + copies, Features);
        var run = Tool.Run("analyze", path, "--sff-realisations", "0");
        Assert.Equal(0, run.ExitCode);
        return run.Out;
    }

    [Fact]
    public void Ninety_percent_copies_warn_and_none_do_not()
    {
        var copied = Summary(distinct: 40, copies: 360);
        Assert.Contains("duplicates 360 (90.00%)", copied);
        Assert.Contains("warning: 90.0% of the rows are exact copies", copied);
        Assert.DoesNotContain("warning:", Summary(distinct: 400, copies: 0));
    }
}
