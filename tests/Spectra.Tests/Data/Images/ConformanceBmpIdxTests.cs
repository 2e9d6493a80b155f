namespace Spectra.Tests.Data.Images;

public class ConformanceBmpIdxTests
{
    [ConformanceTheory]
    [InlineData("shira_bird8.bmp", "f541534f2ff98f5c22c38acf55b719ccb8435c3e7cd622b477d80fc0b2b22bc5")]
    [InlineData("vgl_6434_0018a.bmp", "961a5f016007ff15b343771deefa7ab7cdc7531774bcbff303fb1cdcb6e74cb6")]
    [InlineData("vgl_6548_0026a.bmp", "48f01387be446793082a25e66d0d1073a7a173d4f7eebaccc0469ea73b8f7e02")]
    public void Libjpeg_turbo_bmps_equal_pils_decode(string name, string sha256OfRgb)
    {
        var im = new BmpCodec().Decode(File.ReadAllBytes(Conformance.PathOf("images", "libjpeg-turbo", name)), ImageDecodeLimits.Default);
        Assert.Equal(sha256OfRgb, TestData.Sha256(im.Samples!.Select(s => (byte)s)));
    }

    [ConformanceTheory]
    [InlineData("mnist-t10k")]
    [InlineData("fashion-mnist-t10k")]
    public void Idx_test_sets_load_as_10000_by_784(string set)
    {
        var source = ImageSource.Open(Conformance.PathOf("datasets", set, "t10k-images-idx3-ubyte.gz"));
        Assert.Equal(784, source.Features);
        Assert.Equal("idx", source.Header.Kind);
        long rows = 0;
        double sum = 0;
        foreach (var chunk in source.ReadChunks(4096))
        {
            rows += chunk.Rows;
            for (int i = 0; i < chunk.Rows * chunk.Columns; i++) sum += chunk.Values[i];
        }
        Assert.Equal(10_000, rows);
        Assert.Equal(1, source.ReadToEnd().Files);
        // Mean pixel of the MNIST test set is 0.1325 (the often-quoted 0.1307 is the training set); Fashion-MNIST's is 0.2868.
        double mean = sum / rows / 784;
        Assert.InRange(mean, set.StartsWith("mnist") ? 0.132 : 0.285, set.StartsWith("mnist") ? 0.133 : 0.288);
    }

    [ConformanceFact]
    public void Mnist_png_copies_give_the_same_rows_as_the_idx_file()
    {
        var idx = ImageSource.Open(Conformance.PathOf("datasets", "mnist-t10k", "t10k-images-idx3-ubyte.gz"));
        var png = ImageSource.Open(Conformance.PathOf("datasets", "mnist-t10k", "png-first1000"));
        Assert.Equal(1000, png.Count);
        var a = idx.ReadChunks(1000).First();
        var b = png.ReadChunks(1000).Single();
        Assert.Equal(1000, b.Rows);
        Assert.Equal(a.Values.AsSpan(0, 1000 * 784).ToArray(), b.Values.AsSpan(0, 1000 * 784).ToArray());
        Assert.Equal("t10k-images-idx3-ubyte.gz#0", a.RowIds![0]);
        Assert.Equal("00000_label7.png", b.RowIds![0]);
    }
}
