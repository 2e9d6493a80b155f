namespace Spectra.Tests.Pipeline;

public sealed class HeldRowBlockTests
{
    private static double[] Rows(int rows, int d, int from) => Enumerable.Range(from * d, rows * d).Select(v => (double)v).ToArray();

    [Fact]
    public void A_planned_block_is_reserved_once_and_handed_over_exactly_as_long_as_the_rows_that_came()
    {
        using (MemoryBudget.Use(64L << 20))
        {
            var budget = MemoryBudget.Current;
            using var held = new HeldRowBlock(3, maxRows: 100, "data");
            held.Plan(10);
            Assert.Equal(8L * 10 * 3, budget.Reserved);
            held.Append(Rows(4, 3, 0), 4);
            held.Append(Rows(3, 3, 4), 3);
            Assert.Equal(8L * 10 * 3, budget.Reserved); // written into the planned block, nothing more
            Assert.Equal([4, 3], held.ChunkRows);
            Assert.Equal(Rows(3, 3, 4), held.Chunk(4, 1).ToArray());
            // Three planned rows never came (dropped as duplicates, say): the block is trimmed to the seven.
            var (values, reservation) = held.Take();
            Assert.Equal(Rows(7, 3, 0), values);
            Assert.Equal(8L * 7 * 3, budget.Reserved);
            reservation!.Dispose();
            Assert.Equal(0, budget.Reserved);
        }
    }

    [Fact]
    public void Without_a_plan_the_block_grows_up_to_the_hold_limit_and_gives_its_memory_back_when_disposed()
    {
        using (MemoryBudget.Use(64L << 20))
        {
            var budget = MemoryBudget.Current;
            var held = new HeldRowBlock(2, maxRows: 5, "data");
            for (var k = 0; k < 5; k++) held.Append(Rows(1, 2, k), 1);
            Assert.Equal(5, held.Rows);
            Assert.Equal(8L * 5 * 2, budget.Reserved); // doubling stopped at the limit
            Assert.Equal(Rows(1, 2, 3), held.Chunk(3, 3).ToArray());
            held.Dispose();
            Assert.Equal(0, budget.Reserved);
        }
    }

    [Fact]
    public void A_plan_beyond_the_budget_is_refused_naming_the_input_before_anything_is_allocated()
    {
        using (MemoryBudget.Use(32L << 20))
        {
            using var held = new HeldRowBlock(1_000_000, maxRows: 100, "big.png");
            var e = Assert.Throws<SpectraException>(() => held.Plan(10)); // 80 MB
            Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
            Assert.Contains("big.png", e.ToString());
            Assert.Equal(0, MemoryBudget.Current.Reserved);
        }
    }
}
