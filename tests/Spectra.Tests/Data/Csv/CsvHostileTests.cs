using Spectra.Tests.Hostile;

namespace Spectra.Tests.Data.Csv;

/// <summary>Files made to exhaust the reader: one error each, naming the file, at a bounded cost.</summary>
[Collection(AllocationCollection.Name)]
public sealed class CsvHostileTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void ReadAll(string path)
    {
        var source = new Spectra.Jobs.AnalysisRequest().Open(path);
        foreach (var _ in source.ReadChunks(64)) { }
    }

    [Theory]
    [InlineData("1.25,", "fields")]
    [InlineData("12345", "characters")]
    public void A_fifty_megabyte_line_is_one_error_at_a_bounded_cost(string piece, string limit)
    {
        var path = _dir.File("line.csv");
        using (var f = File.Create(path))
        {
            var block = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(piece, 1 << 14)));
            for (long written = 0; written < 50L << 20; written += block.Length) f.Write(block);
        }
        SpectraException? error = null;
        long allocated;
        using (MemoryBudget.Use(MemoryBudget.MinimumBytes))
            allocated = AllocationCollection.Allocated(() => error = Assert.Throws<SpectraException>(() => ReadAll(path)));
        Assert.Equal(SpectraErrorKind.LimitExceeded, error!.Kind);
        Assert.Contains("line.csv", error.Message);
        Assert.Contains("line 1", error.Message);
        Assert.Contains(limit, error.Message);
        Assert.True(allocated < AllocationCollection.Bound, $"refusing the line allocated {allocated} bytes");
    }

    [Fact]
    public void A_gzipped_endless_line_is_streamed_not_inflated_whole()
    {
        var path = _dir.File("line.csv.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            var block = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("7", 1 << 16)));
            for (long written = 0; written < 64L << 20; written += block.Length) gz.Write(block);
        }
        SpectraException? error = null;
        long allocated;
        using (MemoryBudget.Use(MemoryBudget.MinimumBytes))
            allocated = AllocationCollection.Allocated(() => error = Assert.Throws<SpectraException>(() => ReadAll(path)));
        Assert.Equal(SpectraErrorKind.LimitExceeded, error!.Kind);
        Assert.Contains("line.csv.gz", error.Message);
        Assert.Contains("characters", error.Message);
        Assert.True(allocated < AllocationCollection.Bound, $"refusing the line allocated {allocated} bytes");
    }

    [Fact]
    public void A_truncated_gzip_names_the_file()
    {
        var text = new StringBuilder("a,b\n");
        var rng = new Random(1);
        for (int r = 0; r < 20_000; r++) text.Append(rng.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(r).Append('\n');
        var whole = _dir.File("whole.csv.gz");
        using (var gz = new GZipStream(File.Create(whole), CompressionLevel.Optimal))
            gz.Write(Encoding.ASCII.GetBytes(text.ToString()));
        var bytes = File.ReadAllBytes(whole);
        foreach (var cut in new[] { bytes.Length / 2, bytes.Length - 4 })
        {
            var path = _dir.File($"cut{cut}.csv.gz");
            File.WriteAllBytes(path, bytes[..cut]);
            var e = Assert.Throws<SpectraException>(() => ReadAll(path));
            Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
            Assert.Contains(path, e.Message);
            Assert.Contains("gzip", e.Message);
        }
        // The intact file reads, with and without the content hash (which drains the file itself).
        ReadAll(whole);
        foreach (var _ in new CsvSource(whole, new CsvSourceOptions { HashContent = false }).ReadChunks(1000)) { }

        var garbage = _dir.File("garbage.csv.gz");
        File.WriteAllBytes(garbage, [.. bytes[..10], .. Enumerable.Repeat((byte)0xff, 200)]);
        var g = Assert.Throws<SpectraException>(() => ReadAll(garbage));
        Assert.Contains(garbage, g.Message);
    }

    [Fact]
    public void An_empty_file_is_one_error()
    {
        var e = Assert.Throws<SpectraException>(() => new CsvSource(_dir.Write("empty.csv", "")));
        Assert.Equal(SpectraErrorKind.NotEnoughData, e.Kind);
        Assert.Contains("empty.csv", e.Message);
    }
}
