namespace Spectra.Tests.Matrices;

/// <summary>
/// 8-bit rows (raw, or scaled to [0, 1] as the image reader scales them) are summed as exact integers: the
/// co-moment is the same bits however the rows are chunked, merged or threaded, and agrees with the two-pass
/// formula to round-off.
/// </summary>
public class ExactByteMomentsTests
{
    private sealed class VnniFactAttribute : FactAttribute
    {
        public VnniFactAttribute()
        {
            if (!ByteRankKUpdate.IsSupported) Skip = "the processor has neither AVX-VNNI nor AVX-512BW, so 8-bit rows take the float path";
        }
    }

    // Pixel values as the image reader makes them: k · (1 / 255).
    private static double[] Pixels(int rows, int d, int seed, double quantum = 1.0 / 255)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, rows * d).Select(_ => rng.Next(256) * quantum).ToArray();
    }

    private static MomentAccumulator Fed(double[] x, int d, IEnumerable<(int First, int Rows)> chunks, ILinearAlgebraBackend? backend = null)
    {
        var acc = new MomentAccumulator(d, backend);
        foreach (var (first, rows) in chunks) acc.Add(x.AsSpan(first * d, rows * d), rows);
        return acc;
    }

    private static IEnumerable<(int, int)> Chunks(int rows, int size)
    {
        for (var first = 0; first < rows; first += size) yield return (first, Math.Min(size, rows - first));
    }

    [VnniFact]
    public void Chunking_merging_and_threads_give_the_same_bits()
    {
        const int rows = 2600, d = 37;
        var x = Pixels(rows, d, 1);
        var whole = Fed(x, d, Chunks(rows, rows));
        Assert.True(whole.IsExact);
        var small = Fed(x, d, Chunks(rows, 7), ManagedBackend.Instance);
        // Merged out of order: blocks 2, 0, 1 of three.
        var parts = new[] { (0, 900), (900, 1100), (2000, 600) }.Select(c => Fed(x, d, [c])).ToArray();
        var merged = new MomentAccumulator(d);
        foreach (var i in new[] { 2, 0, 1 }) merged.Merge(parts[i]);
        foreach (var other in new[] { small, merged })
        {
            Assert.True(other.IsExact);
            Assert.Equal(whole.Count, other.Count);
            Assert.Equal(whole.Mean, other.Mean);
            Assert.Equal(whole.CoMoment, other.CoMoment);
        }
    }

    [VnniFact]
    public void The_exact_co_moment_agrees_with_the_two_pass_formula_for_raw_and_scaled_bytes()
    {
        const int rows = 1500, d = 21;
        foreach (var quantum in new[] { 1.0, 1.0 / 255 })
        {
            var x = Pixels(rows, d, 2, quantum);
            var acc = Fed(x, d, Chunks(rows, 100));
            Assert.True(acc.IsExact);
            var expected = TestMatrices.TwoPassCovariance(x, rows, d);
            var actual = CovarianceMatrix.From(acc, PreprocessOptions.Default).Matrix.Values;
            Assert.True(TestMatrices.MaxRelativeDifference(actual, expected) < 1e-12);
        }
    }

    [VnniFact]
    public void A_chunk_off_the_grid_turns_the_rest_to_the_float_path_without_losing_rows()
    {
        const int rows = 600, d = 9;
        var x = Pixels(rows, d, 3);
        x[450 * d + 4] = 0.5; // not k / 255
        var acc = Fed(x, d, Chunks(rows, 50));
        Assert.False(acc.IsExact);
        Assert.Equal(rows, acc.Count);
        var expected = TestMatrices.TwoPassCovariance(x, rows, d);
        Assert.True(TestMatrices.MaxRelativeDifference(CovarianceMatrix.From(acc, PreprocessOptions.Default).Matrix.Values, expected) < 1e-12);
    }

    [VnniFact]
    public void Accumulators_of_different_quanta_merge_in_floating_point()
    {
        const int rows = 300, d = 5;
        var raw = Pixels(rows, d, 4, quantum: 1.0);
        var scaled = Pixels(rows, d, 5);
        var a = Fed(raw, d, Chunks(rows, rows));
        a.Merge(Fed(scaled, d, Chunks(rows, rows)));
        Assert.False(a.IsExact);
        var both = raw.Concat(scaled).ToArray();
        var expected = TestMatrices.TwoPassCovariance(both, 2 * rows, d);
        Assert.True(TestMatrices.MaxRelativeDifference(CovarianceMatrix.From(a, PreprocessOptions.Default).Matrix.Values, expected) < 1e-12);
    }
}
