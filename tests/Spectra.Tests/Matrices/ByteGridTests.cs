namespace Spectra.Tests.Matrices;

public class ByteGridTests
{
    private const double Pixel = 1.0 / 255;

    [Theory]
    [InlineData(37, Pixel)]
    [InlineData(37, 1.0)]
    [InlineData(64, Pixel)]
    public void Values_on_the_grid_become_their_bytes_and_sums(int d, double quantum)
    {
        var rng = new Random(d);
        var k = Enumerable.Range(0, 5 * d).Select(_ => (byte)rng.Next(256)).ToArray();
        var values = k.Select(b => b * quantum).ToArray();
        var bytes = new byte[k.Length];
        var sums = new double[d];
        Assert.True(ByteGrid.TryConvert(values, d, quantum, bytes, sums));
        Assert.Equal(k, bytes);
        for (var j = 0; j < d; j++)
            Assert.Equal(Enumerable.Range(0, 5).Sum(r => (double)k[r * d + j]), sums[j]);
    }

    [Theory]
    [InlineData(3, 0.5 * Pixel)]  // between two steps, in the vector part
    [InlineData(35, 0.5 * Pixel)] // … and in the tail
    [InlineData(3, 256 * Pixel)]  // past 255
    [InlineData(36, -Pixel)]      // below 0
    [InlineData(5, double.NaN)]
    [InlineData(5, 0.2 + 1e-15)]  // next to step 51, but not the double the reader makes from it
    public void A_value_off_the_grid_is_refused(int at, double value)
    {
        const int d = 37;
        var values = Enumerable.Range(0, 2 * d).Select(i => (i % 256) * Pixel).ToArray();
        values[d + at] = value;
        Assert.False(ByteGrid.TryConvert(values, d, Pixel, new byte[values.Length], new double[d]));
    }
}
