namespace Spectra.Tests.Data.Images;

public class SingleFileSourceTests
{
    [Fact]
    public void A_single_npy_stack_opens_as_a_source_with_one_row_per_image()
    {
        var s = ImageSource.Open(TestData.PathOf("stack_u16_fortran.npy"));
        Assert.Equal("npy", s.Header.Kind);
        Assert.Equal(20, s.Features);
        var chunk = s.ReadChunks(10).Single();
        Assert.Equal(new[] { "stack_u16_fortran.npy#0", "stack_u16_fortran.npy#1", "stack_u16_fortran.npy#2" }, chunk.RowIds!.Take(3));
        Assert.Equal(TestData.Formula(2, 3, 4, 0) / 65535.0, chunk.Values[2 * 20 + 3 * 5 + 4]);
        Assert.All(chunk.Labels!.Take(3), Assert.Null);
        Assert.True(ImageSource.CanOpen(TestData.PathOf("pair.npz")));
        Assert.False(ImageSource.CanOpen(Path.Combine(Path.GetDirectoryName(TestData.PathOf("pair.npz"))!, "..", "ArrayCodecTests.cs")));
    }

    [Fact]
    public void Float_npy_rows_keep_their_values_unscaled()
    {
        var s = ImageSource.Open(TestData.PathOf("stack_f32.npy"), new ImageSourceOptions { MaxSamples = 2, Seed = 4 });
        var chunk = s.ReadChunks(10).Single();
        Assert.Equal(2, chunk.Rows);
        int m = int.Parse(chunk.RowIds![0].Split('#')[1]);
        Assert.Equal(TestData.Formula(m, 1, 2, 0) / 8.0 - 3, chunk.Values[1 * 5 + 2], 6);
    }
}
