namespace Spectra.Tests.Hostile;

/// <summary>The run's one memory budget: sizes as users write them, reservations, scopes, and the pipeline held to it.</summary>
public sealed class MemoryBudgetTests
{
    [Theory]
    [InlineData("4G", 4L << 30)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1.5G", 3L << 29)]
    [InlineData("4GiB", 4L << 30)]
    [InlineData("4gb", 4L << 30)]
    [InlineData("64K", 64L << 10)]
    [InlineData("1T", 1L << 40)]
    [InlineData("123456789", 123456789L)]
    public void Sizes_parse_in_binary_units(string text, long bytes) => Assert.Equal(bytes, MemoryBudget.ParseSize(text));

    [Theory]
    [InlineData("")]
    [InlineData("G")]
    [InlineData("-1G")]
    [InlineData("0")]
    [InlineData("4X")]
    [InlineData("1e9")]
    public void Other_text_is_not_a_size(string text) => Assert.Null(MemoryBudget.ParseSize(text));

    [Fact]
    public void Reservations_count_until_disposed_and_a_check_sees_them()
    {
        using (MemoryBudget.Use(100L << 20))
        {
            var budget = MemoryBudget.Current;
            Assert.Equal(100L << 20, budget.Limit);
            var a = budget.Reserve(60L << 20, "a");
            Assert.Equal(60L << 20, budget.Reserved);
            var e = Assert.Throws<SpectraException>(() => budget.Reserve(50L << 20, "the second buffer", "f.png"));
            Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
            Assert.Equal("f.png", e.File);
            Assert.Contains("the second buffer", e.Message);
            Assert.Contains("--memory-limit", e.Message);
            a.Dispose();
            a.Dispose(); // given back once
            Assert.Equal(0, budget.Reserved);
            budget.Check(100L << 20, "all of it");
        }
    }

    [Fact]
    public void A_scope_follows_parallel_work_and_ends_with_its_disposal()
    {
        var outside = MemoryBudget.Current;
        using (MemoryBudget.Use(32L << 20))
        {
            var limits = new long[4];
            Parallel.For(0, 4, i => limits[i] = MemoryBudget.Current.Limit);
            Assert.All(limits, l => Assert.Equal(32L << 20, l));
        }
        Assert.Same(outside, MemoryBudget.Current);
        Assert.Throws<SpectraException>(() => MemoryBudget.Use(1000));
    }

    [Fact]
    public void Held_rows_beyond_the_budget_stop_the_pipeline_and_everything_reserved_is_given_back()
    {
        // 200 samples × 10 000 features (16 MB): held for the Gram matrix, the chunks and the block they are joined into do not fit in 24 MB.
        var rows = new double[200 * 10_000];
        var rng = new Random(1);
        for (int i = 0; i < rows.Length; i++) rows[i] = rng.NextDouble();
        using (MemoryBudget.Use(24L << 20))
        {
            var e = Assert.Throws<SpectraException>(() => SpectrumPipeline.Run(new InMemorySource(rows, 200, 10_000)));
            Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
            Assert.Contains("Gram", e.Message);
            Assert.Equal(0, MemoryBudget.Current.Reserved);
        }
        using (MemoryBudget.Use(256L << 20))
            Assert.Equal(200, SpectrumPipeline.Run(new InMemorySource(rows, 200, 10_000), new SpectrumOptions { Realisations = 0 }).Spectrum.Provenance.Samples);
    }

    [Fact]
    public void Realisations_that_do_not_fit_beside_the_covariance_are_left_out_with_a_note()
    {
        // d = 300: each accumulator 0.73 MB. 1000 rows > d, so the covariance path. 5.5 MB holds 4 row blocks, the merged main
        // accumulator and the one or two solved together (6 or 7 × 0.73 MB) but not 6 blocks (8 or 9 × 0.73 MB): fewer than 8 realisations.
        var rows = new double[1000 * 300];
        var rng = new Random(2);
        for (int i = 0; i < rows.Length; i++) rows[i] = rng.NextDouble();
        using (MemoryBudget.Use(16L << 20))
        {
            var full = SpectrumPipeline.Run(new InMemorySource(rows, 1000, 300), new SpectrumOptions { Realisations = 8 });
            Assert.Equal(8, full.Realisations.Count);
        }
        using (MemoryBudget.Use(16L << 20))
        {
            var hold = MemoryBudget.Current.Reserve((16L << 20) - (11L << 19), "other buffers");
            var source = new InMemorySource(rows, 1000, 300);
            var some = SpectrumPipeline.Run(source, new SpectrumOptions { Realisations = 8 });
            Assert.InRange(some.Realisations.Count, 1, 7);
            Assert.Contains(some.Source.Notes, n => n.Contains("realisations"));
            hold.Dispose();
        }
    }
}
