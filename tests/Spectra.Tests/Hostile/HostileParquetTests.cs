using Spectra.Tests.Data.Parquet;

namespace Spectra.Tests.Hostile;

/// <summary>A footer's row count is checked against its column chunks and the memory budget before anything is sized from it.</summary>
[Collection(AllocationCollection.Name)]
public sealed class HostileParquetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spectra-hostile-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_dir, "t.parquet");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void ReadAll(ParquetSource source)
    {
        foreach (var _ in source.ReadChunks(1024)) { }
    }

    [Fact]
    public void A_row_group_claiming_a_billion_rows_its_column_does_not_hold_is_corrupt()
    {
        var path = Write(new TinyParquetWriter { RowGroupRowsInMetadata = 1_000_000_000 }.Build());
        SpectraException? e = null;
        long allocated = AllocationCollection.Allocated(() => e = Assert.Throws<SpectraException>(() => ReadAll(new ParquetSource(path))));
        Assert.Equal(SpectraErrorKind.InvalidInput, e!.Kind);
        Assert.Equal(path, e.File);
        Assert.Equal("row group 0", e.Location);
        Assert.Contains("1000000000", e.Message);
        Assert.True(allocated < AllocationCollection.Bound, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_billion_rows_the_column_agrees_on_must_fit_the_memory_budget_before_they_are_listed()
    {
        var path = Write(new TinyParquetWriter { RowsInMetadata = 1_000_000_000 }.Build());
        using (MemoryBudget.Use(1L << 30))
        {
            SpectraException? e = null;
            long allocated = AllocationCollection.Allocated(() => e = Assert.Throws<SpectraException>(() => ReadAll(new ParquetSource(path))));
            Assert.Equal(SpectraErrorKind.LimitExceeded, e!.Kind);
            Assert.Equal(path, e.File);
            Assert.Contains("--memory-limit", e.Message);
            Assert.True(allocated < AllocationCollection.Bound, $"{allocated} bytes allocated");
        }
    }
}
