namespace Spectra.Tests.Data.Images;

public class ImageFolderSourceTests
{
    private static double[] ReadAll(ImageFolderSource s, int chunk, out List<string> ids, out List<string?> labels)
    {
        var values = new List<double>();
        ids = new List<string>();
        labels = new List<string?>();
        foreach (var c in s.ReadChunks(chunk))
        {
            values.AddRange(c.Values.AsSpan(0, c.Rows * c.Columns).ToArray());
            ids.AddRange(c.RowIds!.Take(c.Rows));
            labels.AddRange(c.Labels!.Take(c.Rows));
        }
        return values.ToArray();
    }

    [Fact]
    public void Folder_is_read_in_sorted_order_with_first_subfolder_as_label_and_content_hash_over_the_files()
    {
        using var t = new TestData.TempFolder();
        t.Write("top.pgm", Pnm.Gray(2, 1, 255, 9, 10));
        t.Write("b/deep/x.pgm", Pnm.Gray(2, 1, 255, 5, 6));
        t.Write("a/2.pgm", Pnm.Gray(2, 1, 255, 3, 4));
        t.Write("a/10.pgm", Pnm.Gray(2, 1, 255, 1, 2));
        t.Write("notes.txt", "not an image"u8.ToArray());
        var s = ImageSource.Open(t.Path);
        Assert.Equal(2, s.Features);
        var v = ReadAll(s, 2, out var ids, out var labels);
        Assert.Equal(new[] { "a/10.pgm", "a/2.pgm", "b/deep/x.pgm", "top.pgm" }, ids);
        Assert.Equal(new[] { "a", "a", "b", null }, labels);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 9, 10 }.Select(x => x / 255.0), v);
        Assert.Equal(4, s.ReadToEnd().Files);
        Assert.Contains(s.Header.Notes, n => n.Contains("1 file(s) of other formats ignored"));
        var expected = System.IO.Hashing.XxHash128.Hash(ids.SelectMany(id => File.ReadAllBytes(Path.Combine(t.Path, id))).ToArray());
        Assert.Equal(Convert.ToHexStringLower(expected), s.ReadToEnd().ContentHash);
    }

    [Fact]
    public void Different_sizes_without_resize_give_one_error_with_the_size_histogram()
    {
        using var t = new TestData.TempFolder();
        t.Write("a.pgm", Pnm.Gray(4, 3, 255, new int[12]));
        t.Write("b.pgm", Pnm.Gray(4, 3, 255, new int[12]));
        t.Write("c.pgm", Pnm.Gray(5, 5, 255, new int[25]));
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(t.Path));
        Assert.Contains("4×3 (2 files", e.Message);
        Assert.Contains("5×5 (1 file, e.g. c.pgm)", e.Message);
        Assert.NotNull(e.Hint);
    }

    [Fact]
    public void Shrinking_averages_areas_and_growing_interpolates_linearly()
    {
        using var t = new TestData.TempFolder();
        // 4×2 image shrunk to 2×1: each output is the mean of a 2×2 block.
        t.Write("big/a.pgm", Pnm.Gray(4, 2, 255, 0, 10, 20, 30, 40, 50, 60, 70));
        var s = ImageSource.Open(Path.Combine(t.Path, "big"), new ImageSourceOptions { ResizeWidth = 2, ResizeHeight = 1 });
        var v = ReadAll(s, 8, out _, out _);
        Assert.Equal(new[] { (0 + 10 + 40 + 50) / 4.0 / 255, (20 + 30 + 60 + 70) / 4.0 / 255 }, v, new Tol(1e-12));
        // 2×1 grown to 4×1: pixel centres at x = -0.25, 0.25, 0.75, 1.25 in source units, clamped at the edges.
        t.Write("small/b.pgm", Pnm.Gray(2, 1, 255, 100, 200));
        s = ImageSource.Open(Path.Combine(t.Path, "small"), new ImageSourceOptions { ResizeWidth = 4, ResizeHeight = 1 });
        v = ReadAll(s, 8, out _, out _);
        Assert.Equal(new[] { 100, 125, 175, 200 }.Select(x => x / 255.0), v, new Tol(1e-12));
        // Shrinking by a non-integer factor: 3 → 2 takes 1.5-pixel windows (weights 2/3, 1/3).
        t.Write("odd/c.pgm", Pnm.Gray(3, 1, 255, 30, 60, 90));
        s = ImageSource.Open(Path.Combine(t.Path, "odd"), new ImageSourceOptions { ResizeWidth = 2, ResizeHeight = 1 });
        v = ReadAll(s, 8, out _, out _);
        Assert.Equal(new[] { (30 * 2 / 3.0 + 60 / 3.0) / 255, (60 / 3.0 + 90 * 2 / 3.0) / 255 }, v, new Tol(1e-12));
    }

    [Fact]
    public void Rgb_with_alpha_is_resized_per_channel()
    {
        using var t = new TestData.TempFolder();
        // 2×2 RGB shrunk to 1×1: each channel is the mean of its four samples; alpha (absent) stays 1.
        t.Write("a.ppm", Pnm.Rgb(2, 2, 255, 10, 20, 30, 50, 60, 70, 90, 100, 110, 130, 140, 150));
        var v = ReadAll(ImageSource.Open(t.Path, new ImageSourceOptions { Color = ImageColorMode.Rgb, KeepAlpha = true, ResizeWidth = 1, ResizeHeight = 1 }), 1, out _, out _);
        Assert.Equal(new[] { 70 / 255.0, 80 / 255.0, 90 / 255.0, 1.0 }, v, new Tol(1e-12));
    }

    [Fact]
    public void Gray_is_bt601_luma_rgb_keeps_planes_and_alpha_can_be_kept()
    {
        using var t = new TestData.TempFolder();
        t.Write("c.ppm", Pnm.Rgb(1, 1, 255, 200, 100, 50));
        var gray = ReadAll(ImageSource.Open(t.Path), 1, out _, out _);
        Assert.Equal((0.299 * 200 + 0.587 * 100 + 0.114 * 50) / 255, gray[0], 12);
        var rgb = ReadAll(ImageSource.Open(t.Path, new ImageSourceOptions { Color = ImageColorMode.Rgb, KeepAlpha = true }), 1, out _, out _);
        Assert.Equal(new[] { 200 / 255.0, 100 / 255.0, 50 / 255.0, 1.0 }, rgb);
    }

    [Fact]
    public void Colour_images_read_as_luma_are_noted_and_gray_ones_are_not()
    {
        using var t = new TestData.TempFolder();
        t.Write("colour/c.ppm", Pnm.Rgb(1, 1, 255, 200, 100, 50));
        t.Write("colour/d.ppm", Pnm.Rgb(1, 1, 255, 1, 2, 3));
        t.Write("colour/g.pgm", Pnm.Gray(1, 1, 255, 7));
        t.Write("gray/g.pgm", Pnm.Gray(1, 1, 255, 7));
        Assert.Contains(ImageSource.Open(Path.Combine(t.Path, "colour")).Header.Notes, n => n.StartsWith("2 colour image(s) read as luma"));
        Assert.DoesNotContain(ImageSource.Open(Path.Combine(t.Path, "colour"), new ImageSourceOptions { Color = ImageColorMode.Rgb }).Header.Notes, n => n.Contains("luma"));
        Assert.DoesNotContain(ImageSource.Open(Path.Combine(t.Path, "gray")).Header.Notes, n => n.Contains("luma"));
    }

    [Fact]
    public void Sixteen_bit_values_are_scaled_by_65535()
    {
        using var t = new TestData.TempFolder();
        t.Write("a.pgm", Pnm.Gray(2, 1, 65535, 65535, 257));
        Assert.Equal(new[] { 1.0, 257 / 65535.0 }, ReadAll(ImageSource.Open(t.Path), 1, out _, out _));
    }

    [Fact]
    public void Max_samples_takes_a_seeded_subset_in_file_order()
    {
        using var t = new TestData.TempFolder();
        for (int i = 0; i < 30; i++) t.Write($"{i:D2}.pgm", Pnm.Gray(1, 1, 255, i));
        List<string> Pick(int seed)
        {
            ReadAll(ImageSource.Open(t.Path, new ImageSourceOptions { MaxSamples = 10, Seed = seed }), 4, out var ids, out _);
            return ids;
        }
        var a = Pick(1);
        Assert.Equal(10, a.Count);
        Assert.Equal(a.OrderBy(x => x, StringComparer.Ordinal), a);
        Assert.Equal(a, Pick(1));
        Assert.NotEqual(a, Pick(2));
    }

    [Fact]
    public void Chunk_size_and_parallelism_do_not_change_the_rows()
    {
        using var t = new TestData.TempFolder();
        var rng = new Random(3);
        for (int i = 0; i < 25; i++) t.Write($"x/{i:D2}.pgm", Pnm.Gray(3, 2, 255, Enumerable.Range(0, 6).Select(_ => rng.Next(256)).ToArray()));
        var one = ReadAll(ImageSource.Open(t.Path, new ImageSourceOptions { DegreeOfParallelism = 1 }), 1, out var ids1, out _);
        var many = ReadAll(ImageSource.Open(t.Path, new ImageSourceOptions { DegreeOfParallelism = 4 }), 7, out var ids2, out _);
        Assert.Equal(one, many);
        Assert.Equal(ids1, ids2);
    }

    [Fact]
    public void Corrupt_file_is_one_error_naming_it_or_skipped_and_listed_with_skip_invalid()
    {
        using var t = new TestData.TempFolder();
        t.Write("a.pgm", Pnm.Gray(2, 2, 255, 1, 2, 3, 4));
        t.Write("b.pgm", Pnm.Gray(2, 2, 255, 1, 2, 3, 4)[..^2]);
        t.Write("c.pgm", Pnm.Gray(2, 2, 255, 5, 6, 7, 8));
        var s = ImageSource.Open(t.Path);
        var e = Assert.Throws<SpectraException>(() => ReadAll(s, 10, out _, out _));
        Assert.Equal("b.pgm", e.File);
        Assert.Contains("unexpected end", e.Message);

        var skipping = ImageSource.Open(t.Path, new ImageSourceOptions { SkipInvalid = true });
        var v = ReadAll(skipping, 10, out var ids, out _);
        Assert.Equal(new[] { "a.pgm", "c.pgm" }, ids);
        Assert.Equal(8, v.Length);
        var skipped = Assert.Single(skipping.ReadToEnd().Skipped);
        Assert.Equal("b.pgm", skipped.Path);
        Assert.Contains("unexpected end", skipped.Reason);
        Assert.Equal(2, skipping.ReadToEnd().Files);
    }

    [Fact]
    public void A_corrupt_first_image_of_a_large_folder_is_reported_once_or_skipped()
    {
        // With 64 or more images the source decodes the first one ahead of the read (to compile the
        // decoder early); that early decode must neither hide the file's error nor report it twice.
        using var t = new TestData.TempFolder();
        var jpeg = File.ReadAllBytes(TestData.PathOf("small_420.jpg"));
        t.Write("000.jpg", jpeg[..(jpeg.Length * 2 / 3)]); // header intact, entropy-coded data cut short
        for (int i = 1; i < 70; i++) t.Write($"{i:D3}.jpg", jpeg);
        var e = Assert.Throws<SpectraException>(() => ReadAll(ImageSource.Open(t.Path), 16, out _, out _));
        Assert.Equal("000.jpg", e.File);
        var skipping = ImageSource.Open(t.Path, new ImageSourceOptions { SkipInvalid = true });
        var v = ReadAll(skipping, 16, out var ids, out _);
        Assert.Equal(69, ids.Count);
        Assert.Equal("001.jpg", ids[0]);
        Assert.Equal("000.jpg", Assert.Single(skipping.ReadToEnd().Skipped).Path);
        Assert.Equal(69 * skipping.Features, v.Length);
    }

    [Fact]
    public void Header_over_the_pixel_limit_is_refused_before_decoding()
    {
        using var t = new TestData.TempFolder();
        t.Write("huge.pgm", "P5\n30000 30000\n255\n"u8.ToArray());
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(t.Path, new ImageSourceOptions { MaxPixels = 1_000_000 }));
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
        Assert.Equal("huge.pgm", e.File);
    }

    [Fact]
    public void Empty_folder_and_folder_without_images_are_clear_errors()
    {
        using var t = new TestData.TempFolder();
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(t.Path));
        Assert.Contains("no files", e.Message);
        t.Write("readme.md", "hello"u8.ToArray());
        e = Assert.Throws<SpectraException>(() => ImageSource.Open(t.Path));
        Assert.Contains("no supported image file", e.Message);
        t.Write("fake.png", "hello"u8.ToArray());
        e = Assert.Throws<SpectraException>(() => ImageSource.Open(t.Path));
        Assert.Equal("fake.png", e.File);
        Assert.Contains("not a supported image format", e.Message);
    }

    [Fact]
    public void Known_but_unsupported_formats_are_named_not_ignored()
    {
        using var t = new TestData.TempFolder();
        t.Write("a.pgm", Pnm.Gray(1, 1, 255, 1));
        t.Write("scan.dat", "II*\u0000\u0008\u0000\u0000\u0000"u8.ToArray());
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(t.Path));
        Assert.Equal(SpectraErrorKind.Unsupported, e.Kind);
        Assert.Equal("scan.dat", e.File);
        Assert.Contains("TIFF images are not supported", e.Message);
        var skipping = ImageSource.Open(t.Path, new ImageSourceOptions { SkipInvalid = true });
        Assert.Equal("scan.dat", Assert.Single(skipping.ReadToEnd().Skipped).Path);
    }

    [Fact]
    public void Include_and_exclude_globs_select_files()
    {
        using var t = new TestData.TempFolder();
        t.Write("cats/a.pgm", Pnm.Gray(1, 1, 255, 1));
        t.Write("cats/b.pgm", Pnm.Gray(1, 1, 255, 2));
        t.Write("dogs/c.pgm", Pnm.Gray(1, 1, 255, 3));
        t.Write("dogs/sub/d.pgm", Pnm.Gray(1, 1, 255, 4));
        ReadAll(ImageSource.Open(t.Path, new ImageSourceOptions { Include = ["dogs/**"] }), 9, out var ids, out _);
        Assert.Equal(new[] { "dogs/c.pgm", "dogs/sub/d.pgm" }, ids);
        ReadAll(ImageSource.Open(t.Path, new ImageSourceOptions { Exclude = ["b.*", "dogs/*/*"] }), 9, out ids, out _);
        Assert.Equal(new[] { "cats/a.pgm", "dogs/c.pgm" }, ids);
        var e = Assert.Throws<SpectraException>(() => ImageSource.Open(t.Path, new ImageSourceOptions { Include = ["*.png"] }));
        Assert.Contains("matching the include/exclude globs", e.Message);
    }

    [Fact]
    public void Folder_link_loops_are_followed_once()
    {
        using var t = new TestData.TempFolder();
        t.Write("a/x.pgm", Pnm.Gray(1, 1, 255, 1));
        Directory.CreateSymbolicLink(Path.Combine(t.Path, "a", "loop"), t.Path);
        Directory.CreateSymbolicLink(Path.Combine(t.Path, "b"), Path.Combine(t.Path, "a"));
        ReadAll(ImageSource.Open(t.Path), 9, out var ids, out _);
        Assert.Equal(new[] { "a/x.pgm" }, ids);
    }

    [Fact]
    public void Progress_is_reported_up_to_the_total()
    {
        using var t = new TestData.TempFolder();
        for (int i = 0; i < 7; i++) t.Write($"{i}.pgm", Pnm.Gray(1, 1, 255, i));
        var reports = new List<SpectraProgress>();
        var s = ImageSource.Open(t.Path);
        foreach (var _ in s.ReadChunks(3, new SyncProgress(reports))) { }
        Assert.Equal(new long[] { 3, 6, 7 }, reports.Select(r => r.Done));
        Assert.All(reports, r => Assert.Equal(7, r.Total));
    }

    [Fact]
    public void Chunks_are_capped_at_16_mb_and_two_buffers_serve_in_turn_whatever_the_number_of_images()
    {
        // One chunk decodes ahead while the consumer holds the previous one: memory is two capped
        // buffers, used in turn, however many images there are.
        using var t = new TestData.TempFolder();
        var pixels = new int[64 * 64];
        for (int i = 0; i < 1200; i++) t.Write($"{i:D4}.pgm", Pnm.Gray(64, 64, 255, pixels));
        var s = ImageSource.Open(t.Path);
        var chunks = new List<(double[] Buffer, int Rows)>();
        foreach (var c in s.ReadChunks(100_000)) chunks.Add((c.Values, c.Rows));
        // 16 MB of doubles at 4096 features is 512 rows.
        Assert.Equal(new[] { 512, 512, 176 }, chunks.Select(c => c.Rows));
        Assert.NotSame(chunks[0].Buffer, chunks[1].Buffer);
        Assert.Same(chunks[0].Buffer, chunks[2].Buffer);
        Assert.All(chunks, c => Assert.Equal(512 * 4096, c.Buffer.Length));
    }

    private sealed class SyncProgress(List<SpectraProgress> sink) : IProgress<SpectraProgress>
    {
        public void Report(SpectraProgress value) => sink.Add(value);
    }

    private sealed class Tol(double eps) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= eps;
        public int GetHashCode(double d) => 0;
    }
}
