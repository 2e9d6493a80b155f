namespace Spectra.Tests.Data.Files;

/// <summary>Folders an attacker could build: pipes among the images, link loops, links each way, devices behind links.</summary>
public class HostileFolderTests
{
    private static void Images(TestData.TempFolder t, string folder, int count)
    {
        for (int i = 0; i < count; i++) t.Write($"{folder}/{i:D2}.pgm", Pnm.Gray(2, 1, 255, i, 255 - i));
    }

    private static List<string> Ids(ImageFolderSource s) => s.ReadChunks(1000).SelectMany(c => c.RowIds!).ToList();

    [Fact]
    public void A_fifo_named_like_an_image_is_an_error_naming_it_and_one_named_like_notes_is_ignored()
    {
        using var t = new TestData.TempFolder();
        Images(t, "a", 3);
        SpecialFiles.Fifo(Path.Combine(t.Path, "a", "zz.pgm"));
        SpecialFiles.Fifo(Path.Combine(t.Path, "a", "notes.txt"));
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(t.Path));
        Assert.Equal("a/zz.pgm", e.File);
        Assert.Contains("FIFO", e.Reason);
        var skipping = ImageSource.Open(t.Path, new ImageSourceOptions { SkipInvalid = true });
        Assert.Equal(["a/00.pgm", "a/01.pgm", "a/02.pgm"], Ids(skipping));
        Assert.Equal(["a/zz.pgm"], skipping.ReadToEnd().Skipped.Select(s => s.Path));
    }

    [Fact]
    public void Links_each_way_and_loops_list_every_folder_once()
    {
        using var t = new TestData.TempFolder();
        Images(t, "a", 2);
        Images(t, "b", 2);
        for (int i = 0; i < 3; i++)
        {
            Directory.CreateSymbolicLink(Path.Combine(t.Path, "a", $"to-b{i}"), "../b");
            Directory.CreateSymbolicLink(Path.Combine(t.Path, "b", $"to-a{i}"), "../a");
        }
        Directory.CreateSymbolicLink(Path.Combine(t.Path, "a", "self"), ".");
        File.CreateSymbolicLink(Path.Combine(t.Path, "b", "loop"), Path.Combine(t.Path, "b", "loop"));
        var walked = FolderWalker.Walk(t.Path);
        // Each real folder is entered once, by the first path in name order.
        Assert.Equal(["a/00.pgm", "a/01.pgm", "a/to-b0/00.pgm", "a/to-b0/01.pgm", "a/to-b0/loop"], walked);
        Assert.Equal(walked.Take(4), Ids(ImageSource.Open(t.Path)));
    }

    [Fact]
    public void A_device_behind_an_image_name_or_a_labels_file_is_refused_before_reading()
    {
        using var t = new TestData.TempFolder();
        Images(t, "a", 2);
        File.CreateSymbolicLink(Path.Combine(t.Path, "a", "zero.npy"), "/dev/zero");
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(t.Path));
        Assert.Equal("a/zero.npy", e.File);
        Assert.Contains("character device", e.Reason);

        var stack = t.Write("s/t10k-images-idx3-ubyte", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 7, 9]);
        File.CreateSymbolicLink(Path.Combine(t.Path, "s", "t10k-labels-idx1-ubyte"), "/dev/zero");
        e = Assert.Throws<SpectraException>(() => ImageSource.Open(stack));
        Assert.Equal("t10k-labels-idx1-ubyte", e.File);
        Assert.Contains("character device", e.Reason);
    }

    [Fact]
    public void A_fifo_or_device_as_the_input_is_refused_by_the_detector()
    {
        using var t = new TestData.TempFolder();
        var fifo = SpecialFiles.Fifo(Path.Combine(t.Path, "in.parquet"));
        Assert.Contains("FIFO", Assert.Throws<SpectraException>(() => InputDetector.Detect(fifo)).Reason);
        Assert.Contains("character device", Assert.Throws<SpectraException>(() => InputDetector.Detect("/dev/zero")).Reason);
        Assert.Contains("FIFO", Assert.Throws<SpectraException>(() => Spectra.Data.Parquet.ParquetFile.Open(fifo)).Reason);
    }
}
