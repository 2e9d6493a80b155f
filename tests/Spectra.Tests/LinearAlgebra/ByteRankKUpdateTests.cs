namespace Spectra.Tests.LinearAlgebra;

/// <summary>Each exact 8-bit kernel the processor has against products summed one by one in 64-bit integers: equal, not close.</summary>
public class ByteRankKUpdateTests
{
    private sealed class ExactTheoryAttribute : TheoryAttribute
    {
        public ExactTheoryAttribute()
        {
            if (!ByteRankKUpdate.IsSupported) Skip = Unsupported;
        }
    }

    private sealed class ExactFactAttribute : FactAttribute
    {
        public ExactFactAttribute()
        {
            if (!ByteRankKUpdate.IsSupported) Skip = Unsupported;
        }
    }

    private const string Unsupported = "the processor has neither AVX-VNNI nor AVX-512BW, so no exact 8-bit kernel is used";

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [ExactTheory]
    [InlineData(1, 1, 1)]
    [InlineData(13, 37, 1)]     // neither rows nor features a multiple of the tile
    [InlineData(1030, 100, 2)]  // crosses a depth block of 1024 rows
    [InlineData(70, 1100, 2)]   // several row and column blocks of 512 features
    public void Sums_equal_the_products_summed_one_by_one(int k, int n, int threads)
    {
        var x = RandomBytes(k * n, k + n);
        var expected = new long[n * n];
        ByteRankKUpdate.Reference(x, k, n, expected);
        foreach (var kernel in ByteRankKUpdate.Supported)
        {
            var actual = new long[n * n];
            ByteRankKUpdate.Run(x, k, n, actual, threads, kernel);
            for (var j = 0; j < n; j++)
                for (var i = j; i < n; i++)
                    Assert.True(expected[j * n + i] == actual[j * n + i], $"{ByteRankKUpdate.NameOf(kernel)}: C[{i}, {j}] = {actual[j * n + i]}, expected {expected[j * n + i]}");
            // The strict upper triangle is never written.
            for (var j = 1; j < n; j++) Assert.Equal(0, actual[j * n + j - 1]);
        }
    }

    [ExactFact]
    public void Saturated_pixels_over_many_rows_do_not_overflow()
    {
        // 70 000 rows of 255: beyond what one int32 lane could hold (255² · 70 000 > 2³¹), exact in 64 bits.
        const int k = 70_000, n = 20;
        var x = Enumerable.Repeat((byte)255, k * n).ToArray();
        foreach (var kernel in ByteRankKUpdate.Supported)
        {
            var c = new long[n * n];
            ByteRankKUpdate.Run(x, k, n, c, threads: 2, kernel);
            Assert.Equal(255L * 255 * k, c[0]);
            Assert.Equal(255L * 255 * k, c[(n - 1) * n + n - 1]);
        }
    }

    [ExactFact]
    public void The_sums_do_not_depend_on_how_the_rows_are_split()
    {
        const int k = 300, n = 70;
        var x = RandomBytes(k * n, 3);
        var whole = new long[n * n];
        ByteRankKUpdate.Run(x, k, n, whole, threads: 1, ByteRankKUpdate.Supported[0]);
        foreach (var kernel in ByteRankKUpdate.Supported)
        {
            var split = new long[n * n];
            foreach (var (first, count) in new[] { (0, 7), (7, 150), (157, 143) })
                ByteRankKUpdate.Run(x.AsSpan(first * n, count * n), count, n, split, threads: 2, kernel);
            Assert.Equal(whole, split);
        }
    }
}
