namespace Spectra.Tests.Pipeline;

public class RealisationBlocksTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(8, 8)]
    [InlineData(9, 10)]
    [InlineData(1000, 64)]
    public void A_run_uses_one_block_per_realisation_in_an_even_count_up_to_64(int realisations, int blocks) =>
        Assert.Equal(blocks, RealisationBlocks.BlocksFor(realisations));

    [Theory]
    [InlineData(2, 2)]
    [InlineData(4, 6)]
    [InlineData(8, 70)]
    [InlineData(10, 252)]
    public void The_distinct_halves_of_b_blocks_are_b_choose_b_over_2(int blocks, int halves) =>
        Assert.Equal(halves, RealisationBlocks.Halves(blocks));

    [Theory]
    [InlineData(8, 8)]
    [InlineData(6, 6)]
    [InlineData(70, 8)]
    [InlineData(2, 2)]
    public void Every_realisation_is_a_distinct_half_of_the_blocks(int realisations, int blocks)
    {
        var b = new RealisationBlocks(seed: 11, realisations, blocks);
        var halves = Enumerable.Range(0, realisations).Select(b.BlocksOf).ToList();
        Assert.All(halves, h => Assert.Equal(blocks / 2, h.Length));
        Assert.All(halves, h => Assert.Equal(h.Order(), h));
        Assert.Equal(realisations, halves.Select(h => string.Join(",", h)).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_blocks_and_halves_and_another_seed_others()
    {
        var a = new RealisationBlocks(5, 8, 8);
        var again = new RealisationBlocks(5, 8, 8);
        var other = new RealisationBlocks(6, 8, 8);
        var ids = Enumerable.Range(0, 1000).Select(i => (long)i * 7919).ToArray();
        Assert.Equal(ids.Select(a.BlockOf), ids.Select(again.BlockOf));
        Assert.Equal(Enumerable.Range(0, 8).Select(k => string.Join(",", a.BlocksOf(k))), Enumerable.Range(0, 8).Select(k => string.Join(",", again.BlocksOf(k))));
        Assert.NotEqual(ids.Select(a.BlockOf), ids.Select(other.BlockOf));
    }

    [Fact]
    public void Rows_spread_evenly_over_the_blocks_and_each_realisation_holds_about_half()
    {
        const int n = 80_000, blocks = 8;
        var b = new RealisationBlocks(seed: 2, realisations: 8, blocks);
        var sizes = new int[blocks];
        for (long id = 0; id < n; id++) sizes[b.BlockOf(id)]++;
        // Multinomial counts: mean n/8, sd √(n·(1/8)(7/8)) ≈ 94; 5 sd is a bound a fair hash never reaches by chance.
        var sd = Math.Sqrt(n * (1.0 / blocks) * (1 - 1.0 / blocks));
        Assert.All(sizes, s => Assert.InRange(s, n / blocks - 5 * sd, n / blocks + 5 * sd));
        for (var k = 0; k < 8; k++) Assert.Equal(n / 2.0, b.BlocksOf(k).Sum(x => sizes[x]), 10 * sd);
    }

    [Fact]
    public void More_realisations_than_distinct_halves_or_an_odd_block_count_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealisationBlocks(0, 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealisationBlocks(0, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealisationBlocks(0, 1, 1));
    }
}
