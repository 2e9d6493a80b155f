namespace Spectra.Tests.LinearAlgebra;

/// <summary>
/// The blocked AVX-512 rank-k update against the plain loops. With small integer entries every product
/// and partial sum is exact in double, so any summation order must give the same bits: the blocked
/// kernel's tiles, edges and packing are checked exactly, not within a tolerance.
/// </summary>
public class BlockedRankKUpdateTests
{
    private sealed class Avx512FactAttribute : TheoryAttribute
    {
        public Avx512FactAttribute()
        {
            if (!BlockedRankKUpdate.IsSupported) Skip = "the processor has no AVX-512, so the blocked kernel is never used";
        }
    }

    private static double[] IntegerRows(int k, int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, k * n).Select(_ => (double)rng.Next(-1000, 1001)).ToArray();
    }

    [Avx512Fact]
    [InlineData(1, 1)]
    [InlineData(3, 15)]
    [InlineData(16, 14)]
    [InlineData(17, 129)]   // past one depth block
    [InlineData(130, 31)]   // edge strips and columns
    [InlineData(300, 257)]  // several row blocks and depth blocks
    [InlineData(0, 40)]
    public void Integer_entries_give_exactly_the_loop_sums(int n, int k)
    {
        var rows = IntegerRows(k, n, n * 7 + k);
        var start = IntegerRows(n, n, 3);
        foreach (var (alpha, beta) in new[] { (1.0, 1.0), (2.0, 0.5), (1.0, 0.0), (-0.25, 3.0) })
        {
            var expected = (double[])start.Clone();
            var actual = (double[])start.Clone();
            ManagedBackend.LoopRankKUpdate(rows, k, n, alpha, beta, expected);
            BlockedRankKUpdate.Run(rows, k, n, alpha, beta, actual, threads: 2);
            for (var c = 0; c < n; c++)
                for (var r = c; r < n; r++)
                    Assert.True(expected[c * n + r] == actual[c * n + r], $"n={n} k={k} α={alpha} β={beta}: C[{r},{c}] = {actual[c * n + r]}, expected {expected[c * n + r]}");
        }
    }

    [Avx512Fact]
    [InlineData(257, 700)]
    [InlineData(1024, 300)]
    public void Real_entries_agree_with_the_library_and_do_not_depend_on_the_thread_count(int n, int k)
    {
        var rows = TestMatrices.RandomRows(k, n, 12);
        var one = new double[n * n];
        BlockedRankKUpdate.Run(rows, k, n, 1.0, 1.0, one, threads: 1);
        foreach (var threads in new[] { 2, 3, 8 })
        {
            var many = new double[n * n];
            BlockedRankKUpdate.Run(rows, k, n, 1.0, 1.0, many, threads);
            for (var c = 0; c < n; c++)
                for (var r = c; r < n; r++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(one[c * n + r]), BitConverter.DoubleToInt64Bits(many[c * n + r]));
        }
        if (LinearAlgebraBackends.Resolve(null).Backend is not Spectra.LinearAlgebra.Native.NativeLapackBackend native) return;
        var library = new double[n * n];
        native.LibraryRankKUpdate(rows, k, n, 1.0, 1.0, library);
        // Entries are sums of k products of magnitude ≤ 1: round-off is far below 1e-12 of the largest (≈ k/3 on the diagonal).
        double scale = library.Max(Math.Abs);
        for (var c = 0; c < n; c++)
            for (var r = c; r < n; r++) Assert.True(Math.Abs(library[c * n + r] - one[c * n + r]) <= 1e-13 * scale, $"C[{r},{c}]");
    }

    [Avx512Fact]
    [InlineData(40)]
    public void Beta_zero_clears_what_was_there_even_nan(int n)
    {
        var rows = IntegerRows(5, n, 1);
        var c = Enumerable.Repeat(double.NaN, n * n).ToArray();
        var expected = new double[n * n];
        ManagedBackend.LoopRankKUpdate(rows, 5, n, 1.0, 0.0, expected);
        BlockedRankKUpdate.Run(rows, 5, n, 1.0, 0.0, c, threads: 2);
        for (var col = 0; col < n; col++)
            for (var r = col; r < n; r++) Assert.Equal(expected[col * n + r], c[col * n + r]);
    }
}
