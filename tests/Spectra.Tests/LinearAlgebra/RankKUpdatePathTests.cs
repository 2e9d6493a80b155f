namespace Spectra.Tests.LinearAlgebra;

/// <summary>The choice between Spectra's AVX-512 rank-k kernel and the library's dsyrk.</summary>
public class RankKUpdatePathTests
{
    [Theory]
    [InlineData("Cooperlake")]
    [InlineData("SkylakeX")]
    [InlineData("sapphirerapids")]
    public void Openblas_with_avx512_kernels_keeps_its_own_dsyrk(string core)
    {
        var choice = RankKUpdatePath.Choose(core, blockedSupported: true, overrideValue: null);
        Assert.False(choice.UseBlocked);
        Assert.Equal("library", choice.Name);
        Assert.Contains(core, choice.Reason);
    }

    [Theory]
    [InlineData("Haswell")]
    [InlineData("Zen")]
    [InlineData("Sandybridge")]
    public void Openblas_with_avx2_or_older_kernels_gives_way_to_the_blocked_kernel(string core)
    {
        var choice = RankKUpdatePath.Choose(core, blockedSupported: true, overrideValue: null);
        Assert.True(choice.UseBlocked);
        Assert.Equal("avx512-blocked", choice.Name);
        Assert.Contains(core, choice.Reason);
    }

    [Theory]
    [InlineData("Haswell")]
    [InlineData("Zen")]
    public void Where_the_processor_splits_512_bit_instructions_the_library_keeps_its_avx2_dsyrk(string core)
    {
        var choice = RankKUpdatePath.Choose(core, blockedSupported: true, overrideValue: null, splitsAvx512: true);
        Assert.False(choice.UseBlocked);
        Assert.Contains(core, choice.Reason);
        Assert.Contains("two halves", choice.Reason);
        // The override still wins, and a library that names no kernel set (not OpenBLAS) keeps the blocked kernel.
        Assert.True(RankKUpdatePath.Choose(core, blockedSupported: true, overrideValue: "blocked", splitsAvx512: true).UseBlocked);
        Assert.True(RankKUpdatePath.Choose(null, blockedSupported: true, overrideValue: null, splitsAvx512: true).UseBlocked);
    }

    [Fact]
    public void A_library_that_names_no_kernel_set_keeps_the_blocked_kernel_as_before()
    {
        Assert.True(RankKUpdatePath.Choose(null, blockedSupported: true, overrideValue: "").UseBlocked);
        Assert.True(RankKUpdatePath.Choose(null, blockedSupported: true, overrideValue: "auto").UseBlocked);
    }

    [Fact]
    public void Without_avx512_the_library_runs_whatever_was_asked()
    {
        var choice = RankKUpdatePath.Choose("Haswell", blockedSupported: false, overrideValue: "blocked");
        Assert.False(choice.UseBlocked);
        Assert.Contains("no AVX-512", choice.Reason);
    }

    [Theory]
    [InlineData("Cooperlake", "blocked", true)]
    [InlineData("Haswell", "LIBRARY", false)]
    public void The_override_wins_where_both_kernels_can_run(string core, string value, bool blocked)
    {
        var choice = RankKUpdatePath.Choose(core, blockedSupported: true, overrideValue: value);
        Assert.Equal(blocked, choice.UseBlocked);
        Assert.Contains(RankKUpdatePath.OverrideVariable, choice.Reason);
    }

    [Fact]
    public void An_unknown_override_is_refused_by_name()
    {
        var e = Assert.Throws<SpectraException>(() => RankKUpdatePath.Choose("Haswell", blockedSupported: true, overrideValue: "fast"));
        Assert.Contains("SPECTRA_RANK_K=fast", e.Message);
    }
}
