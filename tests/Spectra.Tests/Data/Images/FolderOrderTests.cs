namespace Spectra.Tests.Data.Images;

/// <summary>Files are probed and decoded in parallel, several per thread; rows, labels and skipped files still follow path order.</summary>
public class FolderOrderTests
{
    [Fact]
    public void Many_files_over_several_folders_come_back_in_path_order_with_their_errors_and_labels()
    {
        using var t = new TestData.TempFolder();
        var rng = new Random(5);
        var expected = new List<string>();
        // Created in shuffled order across folders, more files than one batch of the pass, some invalid.
        var names = Enumerable.Range(0, 300).Select(i => (i % 3 == 0 ? "" : i % 3 == 1 ? "a/" : "b/c/") + $"{i * 7919 % 1000:D3}.pgm")
            .OrderBy(_ => rng.Next()).ToList();
        foreach (var name in names)
        {
            int v = int.Parse(Path.GetFileNameWithoutExtension(name));
            t.Write(name, v % 50 == 0 ? "P5 broken"u8.ToArray() : Pnm.Gray(1, 1, 1000, v));
        }
        t.Write("a/notes.txt", "not an image"u8.ToArray());
        var source = ImageSource.Open(t.Path, new ImageSourceOptions { SkipInvalid = true });
        var ids = new List<string>();
        var labels = new List<string?>();
        var values = new List<double>();
        foreach (var c in source.ReadChunks(1000))
            for (int r = 0; r < c.Rows; r++)
            {
                ids.Add(c.RowIds![r]);
                labels.Add(c.Labels![r]);
                values.Add(c.Row(r)[0]);
            }
        var valid = names.Where(n => int.Parse(Path.GetFileNameWithoutExtension(n)) % 50 != 0).Order(StringComparer.Ordinal).ToList();
        var invalid = names.Where(n => int.Parse(Path.GetFileNameWithoutExtension(n)) % 50 == 0).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(valid, ids);
        Assert.Equal(valid.Select(n => n.Contains('/') ? n[..n.IndexOf('/')] : null), labels);
        Assert.Equal(valid.Select(n => int.Parse(Path.GetFileNameWithoutExtension(n)) * (1.0 / 1000)), values);
        Assert.Equal(invalid, source.ReadToEnd().Skipped.Select(s => s.Path));
        Assert.Contains(source.Header.Notes, n => n.Contains("1 file(s) of other formats ignored"));
    }
}
