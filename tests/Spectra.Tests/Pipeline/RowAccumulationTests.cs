namespace Spectra.Tests.Pipeline;

public class RowAccumulationTests
{
    private static RowAccumulation Make(int d, SpectrumOptions o, List<string> notes, bool perClass = false) =>
        new(d, o, ManagedBackend.Instance, new RowSubsets(o.Seed, o.Realisations, perClass), "x", notes, new ConstantFeatures(d));

    private static void Feed(RowAccumulation acc, double[] x, int rows, int d, int chunk, string?[]? labels = null)
    {
        for (var first = 0; first < rows; first += chunk)
        {
            var n = Math.Min(chunk, rows - first);
            var block = x.AsSpan(first * d, n * d).ToArray();
            acc.Add(block, n, labels?[first..(first + n)] ?? new string?[n], Enumerable.Range(first, n).Select(i => (long)i).ToArray(), default);
        }
    }

    [Fact]
    public void Rows_are_held_while_there_are_no_more_of_them_than_features()
    {
        const int d = 12, rows = 10;
        var x = TestMatrices.RandomRows(rows, d, 5);
        using var acc = Make(d, new SpectrumOptions { Realisations = 2 }, new List<string>());
        Feed(acc, x, rows, d, chunk: 3);
        acc.Finish(centres: false);
        Assert.Null(acc.Main);
        Assert.Equal(x, acc.HeldRows);
        Assert.Null(acc.AccumulatorOf(RowSubset.OfRealisation(0)));
    }

    [Theory]
    [InlineData(8)]   // held: fewer rows than features
    [InlineData(40)]  // accumulated: the rows outgrow the features mid-read
    public void Constant_features_are_the_same_whether_the_rows_are_held_or_accumulated(int rows)
    {
        const int d = 12;
        var x = TestMatrices.RandomRows(rows, d, 7);
        for (var r = 0; r < rows; r++) { x[r * d + 2] = 0.25; x[r * d + 11] = -3; }
        using var acc = Make(d, new SpectrumOptions { Realisations = 2 }, new List<string>());
        Feed(acc, x, rows, d, chunk: 5);
        Assert.Equal([2, 11], acc.Finish(centres: true));
        // Held rows come back with the constant columns cleared (centring makes them exactly zero).
        if (acc.HeldRows is { } held)
            for (var r = 0; r < rows; r++) { Assert.Equal(0, held[r * d + 2]); Assert.Equal(0, held[r * d + 11]); }
    }

    [Fact]
    public void Constant_features_of_held_rows_match_a_running_minimum_and_maximum_across_tile_edges()
    {
        const int d = 9000, rows = 3;
        var x = TestMatrices.RandomRows(rows, d, 8);
        foreach (var j in new[] { 0, 4095, 4096, 8191, 8192, 8999 })
            for (var r = 0; r < rows; r++) x[r * d + j] = j;
        // Equal in two rows only: not constant.
        x[1 * d + 17] = x[17];
        var running = new ConstantFeatures(d);
        running.Add(x, rows);
        Assert.Equal(running.Indices(), ConstantFeatures.InRows(x, rows, d));
        Assert.Equal([0, 4095, 4096, 8191, 8192, 8999], ConstantFeatures.InRows(x, rows, d));
    }

    [Fact]
    public void Past_the_features_every_row_goes_to_its_block_and_class_and_the_main_accumulator_is_their_merge()
    {
        const int d = 4, rows = 30;
        var x = TestMatrices.RandomRows(rows, d, 6);
        var labels = Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? "a" : "b").ToArray<string?>();
        using var acc = Make(d, new SpectrumOptions { Realisations = 3, Seed = 2 }, new List<string>(), perClass: true);
        Feed(acc, x, rows, d, chunk: 3, labels);
        acc.Finish(centres: false);
        Assert.Null(acc.HeldRows);
        Assert.Equal(4, acc.BlockAccumulators.Count);
        Assert.Equal(rows, acc.Main!.Count);
        // The merged blocks hold what one accumulator over every row holds (Chan's update is exact up to round-off).
        var direct = new Spectra.Matrices.MomentAccumulator(d);
        direct.Add(x, rows);
        for (var col = 0; col < d; col++)
            for (var row = col; row < d; row++)
                Assert.Equal(direct.CoMoment[col * d + row], acc.Main.CoMoment[col * d + row], 1e-9 * (1 + Math.Abs(direct.CoMoment[col * d + row])));
        for (var k = 0; k < 3; k++)
        {
            var realisation = k;
            Assert.Equal(Enumerable.Range(0, rows).Count(i => acc.Layout.Contains(realisation, i)), acc.AccumulatorOf(RowSubset.OfRealisation(k))!.Count);
            Assert.Equal(acc.RealisationRows(k), acc.AccumulatorOf(RowSubset.OfRealisation(k))!.Count);
        }
        Assert.Equal(["a", "b"], acc.AccumulatedClasses);
        Assert.Equal(10, acc.AccumulatorOf(RowSubset.OfClass("a"))!.Count);
        Assert.Equal(20, acc.AccumulatorOf(RowSubset.OfClass("b"))!.Count);
    }

    [Fact]
    public void Realisations_that_do_not_fit_the_memory_allowed_come_from_fewer_blocks_or_are_left_out_with_a_note()
    {
        const int d = 4, rows = 20;
        long each = 8L * d * d + 32L * d; // the co-moment and its vectors
        // Two blocks, the merged main and (at most) two realisations solved together fit; four blocks never do.
        var notes = new List<string>();
        using (var acc = Make(d, new SpectrumOptions { Realisations = 5, MaxAccumulatorBytes = 5 * each }, notes))
        {
            Feed(acc, TestMatrices.RandomRows(rows, d, 7), rows, d, chunk: 8);
            Assert.Equal(2, acc.BlockAccumulators.Count);
            Assert.NotNull(acc.AccumulatorOf(RowSubset.OfRealisation(1)));
            Assert.Null(acc.AccumulatorOf(RowSubset.OfRealisation(2)));
            Assert.StartsWith("2 of 5 realisations: they are halves of 2 row blocks rather than 6", Assert.Single(notes));
        }
        // Below two blocks and their merge there are no realisations at all, only the main accumulator.
        notes.Clear();
        using (var acc = Make(d, new SpectrumOptions { Realisations = 5, MaxAccumulatorBytes = 3 * each }, notes))
        {
            Feed(acc, TestMatrices.RandomRows(rows, d, 7), rows, d, chunk: 8);
            Assert.Equal(rows, acc.Main!.Count);
            Assert.Null(acc.AccumulatorOf(RowSubset.OfRealisation(0)));
            Assert.StartsWith("0 of 5 realisations", Assert.Single(notes));
        }
    }

    [Fact]
    public void Rows_announced_past_the_features_are_never_held_and_sum_exactly_as_when_held_first()
    {
        const int d = 6, rows = 23;
        var x = TestMatrices.RandomRows(rows, d, 11);
        var o = new SpectrumOptions { Realisations = 2, Seed = 4 };
        using var planned = Make(d, o, new List<string>());
        planned.CheckPlanned(rows);
        Assert.NotEmpty(planned.BlockAccumulators); // made before the first row
        using var unplanned = Make(d, o, new List<string>());
        // Chunks of 4: the unplanned run holds the first 4 (≤ d) and folds them in when the fifth chunk arrives.
        Feed(planned, x, rows, d, chunk: 4);
        Feed(unplanned, x, rows, d, chunk: 4);
        planned.Finish(centres: true);
        unplanned.Finish(centres: true);
        Assert.Null(planned.HeldRows);
        // Folded chunk by chunk in the same order either way: the sums are bit for bit the same.
        Assert.Equal(unplanned.Main!.CoMoment, planned.Main!.CoMoment);
        Assert.Equal(unplanned.Main.Mean, planned.Main.Mean);
        for (var k = 0; k < 2; k++)
            Assert.Equal(unplanned.AccumulatorOf(RowSubset.OfRealisation(k))!.CoMoment, planned.AccumulatorOf(RowSubset.OfRealisation(k))!.CoMoment);
    }

    [Fact]
    public void A_source_that_announces_a_single_row_is_refused_before_reading()
    {
        using var acc = Make(3, new SpectrumOptions(), new List<string>());
        var e = Assert.Throws<SpectraException>(() => acc.CheckPlanned(1));
        Assert.Equal(SpectraErrorKind.NotEnoughData, e.Kind);
    }
    [Fact]
    public void The_planned_peak_of_held_rows_counts_the_realisations_copies()
    {
        // 40 held rows of 10⁵ features: 64 MB for the block and the source's chunk buffers, and 16 MB for
        // the block the realisations' rows (about half of them each) are copied into in turn.
        const int d = 100_000, rows = 40;
        using var budget = MemoryBudget.Use(72_000_000);
        using (var without = Make(d, new SpectrumOptions { Realisations = 0 }, new List<string>()))
            without.CheckPlanned(rows);
        using var with = Make(d, new SpectrumOptions { Realisations = 8 }, new List<string>());
        var e = Assert.Throws<SpectraException>(() => with.CheckPlanned(rows));
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
        Assert.Contains($"{rows} samples × {d} features", e.Message);
    }
}
