namespace Spectra.Tests.Analysis;

/// <summary>A power-law range given in full that cannot hold a fit is refused, never turned into a missing power law.</summary>
public class PowerLawRangeTests
{
    [Theory]
    [InlineData(40, 5, "is above")]
    [InlineData(3, 9, "needs at least 8")]
    public void A_range_that_holds_no_fit_is_refused(int start, int end, string reason)
    {
        var e = Assert.Throws<SpectraException>(() => (AnalysisRequest.Default with { StartRank = start, EndRank = end }).Validate());
        Assert.Equal(SpectraErrorKind.InvalidOption, e.Kind);
        Assert.Contains(reason, e.Message);
        Assert.Equal(["start_rank", "end_rank"], e.Keys);
        Assert.Contains("--start_rank", e.Spelled((key, _) => "--" + key).Message);
    }

    [Theory]
    [InlineData(2, 9)]
    [InlineData(40, null)]
    [InlineData(null, 5)]
    public void A_range_of_eight_ranks_or_an_open_end_is_accepted(int? start, int? end) =>
        (AnalysisRequest.Default with { StartRank = start, EndRank = end }).Validate();
}
