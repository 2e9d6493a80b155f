namespace Spectra.Tests.Data.Images;

/// <summary>An IDX image stack takes its class labels from the labels file beside it, row by row.</summary>
public class IdxLabelTests
{
    private static byte[] Idx3(int count, int h, int w) =>
        [0, 0, 8, 3, 0, 0, 0, (byte)count, 0, 0, 0, (byte)h, 0, 0, 0, (byte)w, .. new byte[count * h * w]];

    private static byte[] Idx1(params byte[] labels) => [0, 0, 8, 1, 0, 0, 0, (byte)labels.Length, .. labels];

    private static List<(string Id, string? Label)> Rows(ImageFolderSource source)
    {
        var rows = new List<(string, string?)>();
        foreach (var c in source.ReadChunks(1000))
            for (int r = 0; r < c.Rows; r++) rows.Add((c.RowIds![r], c.Labels![r]));
        return rows;
    }

    [ConformanceTheory]
    [InlineData("mnist-t10k", new[] { 980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009 })]
    [InlineData("fashion-mnist-t10k", new[] { 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000 })]
    public void Test_sets_carry_their_labels_with_the_published_class_sizes(string set, int[] perClass)
    {
        var source = ImageSource.Open(Conformance.PathOf("datasets", set, "t10k-images-idx3-ubyte.gz"));
        Assert.Contains("class labels from t10k-labels-idx1-ubyte.gz", source.Header.Notes);
        var rows = Rows(source);
        // Independently: the labels file's bytes after its 8-byte header, in order.
        using var gz = new GZipStream(File.OpenRead(Conformance.PathOf("datasets", set, "t10k-labels-idx1-ubyte.gz")), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        gz.CopyTo(raw);
        var expected = raw.ToArray()[8..].Select(b => b.ToString()).ToArray();
        Assert.Equal(expected, rows.Select(r => r.Label));
        Assert.Equal(perClass, rows.GroupBy(r => r.Label).OrderBy(g => int.Parse(g.Key!)).Select(g => g.Count()));
    }

    [ConformanceFact]
    public void A_random_subset_keeps_each_image_with_its_own_label()
    {
        var path = Conformance.PathOf("datasets", "mnist-t10k", "t10k-images-idx3-ubyte.gz");
        var all = Rows(ImageSource.Open(path)).ToDictionary(r => r.Id, r => r.Label);
        var subset = Rows(ImageSource.Open(path, new ImageSourceOptions { MaxSamples = 300, Seed = 4 }));
        Assert.Equal(300, subset.Count);
        foreach (var (id, label) in subset) Assert.Equal(all[id], label);
    }

    [Fact]
    public void Labels_are_found_gzipped_or_not_and_absent_labels_leave_rows_unlabelled()
    {
        using var t = new TestData.TempFolder();
        var images = t.Write("train-images-idx3-ubyte", Idx3(3, 2, 2));
        Assert.All(Rows(ImageSource.Open(images)), r => Assert.Null(r.Label));
        using (var file = File.Create(Path.Combine(t.Path, "train-labels-idx1-ubyte.gz")))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest))
            gz.Write(Idx1(7, 0, 255));
        Assert.Equal(new[] { "7", "0", "255" }, Rows(ImageSource.Open(images)).Select(r => r.Label));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 8, 1, 0, 0, 0, 2, 1, 2 }, "declares 2 labels for 3 images")]
    [InlineData(new byte[] { 0, 0, 8, 1, 0, 0, 0, 3, 1, 2 }, "holds 2 label bytes where its header declares 3")]
    [InlineData(new byte[] { 0, 0, 8, 3, 0, 0, 0, 3, 1, 2, 3 }, "not a one-dimensional IDX file")]
    public void A_labels_file_that_does_not_fit_the_images_is_one_error_naming_it(byte[] labels, string reason)
    {
        using var t = new TestData.TempFolder();
        var images = t.Write("t10k-images-idx3-ubyte", Idx3(3, 2, 2));
        t.Write("t10k-labels-idx1-ubyte", labels);
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(images));
        Assert.Equal("t10k-labels-idx1-ubyte", e.File);
        Assert.Contains(reason, e.Message);
        Assert.Contains("labels file", e.Hint);
    }
}
