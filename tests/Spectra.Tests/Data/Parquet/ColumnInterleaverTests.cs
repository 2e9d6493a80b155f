namespace Spectra.Tests.Data.Parquet;

/// <summary>The register transpose from float columns to row-major doubles against the definition, element by element.</summary>
public sealed class ColumnInterleaverTests
{
    [Theory]
    [InlineData(0, 8, 0)]
    [InlineData(1, 8, 0)]
    [InlineData(7, 13, 5)]
    [InlineData(8, 64, 0)]
    [InlineData(9, 64, 56)]
    [InlineData(333, 64, 24)]
    [InlineData(4096, 768, 760)]
    public void Eight_float_columns_land_in_their_rows_and_nothing_else_changes(int m, int d, int first)
    {
        var random = new Random(m * 31 + d);
        var columns = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, m + 3).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray()).ToArray();
        const int offset = 2; // rows start at 2 in each column, as a kept range does
        var values = new double[Math.Max(1, m) * d];
        Array.Fill(values, -7.0);
        ColumnInterleaver.Singles8(columns[0].AsSpan(offset, m), columns[1].AsSpan(offset, m), columns[2].AsSpan(offset, m), columns[3].AsSpan(offset, m),
            columns[4].AsSpan(offset, m), columns[5].AsSpan(offset, m), columns[6].AsSpan(offset, m), columns[7].AsSpan(offset, m), values, first, d);
        for (int t = 0; t < Math.Max(1, m); t++)
            for (int j = 0; j < d; j++)
            {
                int k = j - first;
                double expected = t < m && k >= 0 && k < 8 ? columns[k][offset + t] : -7.0;
                Assert.Equal(expected, values[t * d + j]);
            }
    }

    [Fact]
    public void A_block_past_the_output_is_refused()
    {
        var c = new float[16];
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ColumnInterleaver.Singles8(c, c, c, c, c, c, c, c, new double[16 * 8], 1, 8));
    }
}
