namespace Spectra.Tests.Matrices;

/// <summary>The vectorised column passes must give exactly what the plain loops give (the accumulator's results are compared bit for bit across runs).</summary>
public class RowBlockTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(17, 13)]
    [InlineData(64, 1024)]
    [InlineData(9, 1031)]
    public void Column_sums_and_row_centring_equal_the_plain_loops(int rows, int d)
    {
        var rng = new Random(rows * 31 + d);
        // Mixed magnitudes, so a different order of addition would change the last bits.
        var block = Enumerable.Range(0, rows * d).Select(_ => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-8, 9))).ToArray();
        var expected = new double[d];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < d; j++) expected[j] += block[r * d + j];
        var sums = Enumerable.Repeat(double.NaN, d + 2).ToArray(); // stale contents must not leak in
        RowBlock.SumRows(block, rows, d, sums);
        for (int j = 0; j < d; j++) Assert.Equal(BitConverter.DoubleToInt64Bits(expected[j]), BitConverter.DoubleToInt64Bits(sums[j]));

        var centred = (double[])block.Clone();
        RowBlock.SubtractFromRows(centred, rows, d, sums);
        for (int i = 0; i < rows * d; i++) Assert.Equal(block[i] - sums[i % d], centred[i]);
    }

    [Fact]
    public void Finiteness_is_judged_on_every_value()
    {
        Assert.True(RowBlock.AllFinite(new[] { 0.0, -1e308, 1e-320 }));
        Assert.False(RowBlock.AllFinite(new[] { 0.0, double.NaN }));
        Assert.False(RowBlock.AllFinite(new[] { double.NegativeInfinity, 1.0 }));
    }

    [Fact]
    public void Short_buffers_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RowBlock.SumRows(new double[5], 2, 3, new double[3]));
        Assert.Throws<ArgumentException>(() => RowBlock.SubtractFromRows(new double[6], 2, 3, new double[2]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(100)]
    public void Tiled_mirror_copies_the_lower_triangle_onto_the_upper_one(int n)
    {
        var rng = new Random(n);
        var a = Enumerable.Range(0, n * n).Select(_ => rng.NextDouble()).ToArray();
        var expected = (double[])a.Clone();
        for (int col = 0; col < n; col++)
            for (int row = col + 1; row < n; row++) expected[row * n + col] = expected[col * n + row];
        SymmetricMatrix.MirrorLower(a, n);
        Assert.Equal(expected, a);
    }
}
