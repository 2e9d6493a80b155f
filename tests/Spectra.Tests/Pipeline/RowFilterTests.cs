namespace Spectra.Tests.Pipeline;

public class RowFilterTests
{
    private static RowChunk Chunk(double[][] rows, string?[]? labels = null) =>
        new(rows.SelectMany(r => r).ToArray(), rows.Length, rows[0].Length, (string[]?)null, labels);

    [Fact]
    public void Drop_row_policy_keeps_the_finite_rows_in_order_and_counts_the_others()
    {
        var filter = new RowFilter(2, NonFinitePolicy.DropRow, detectDuplicates: false, null, "x");
        var chunk = Chunk([[1, 2], [double.NaN, 3], [4, 5], [6, double.PositiveInfinity]], ["a", "b", "c", "d"]);
        var kept = filter.Filter(chunk);
        Assert.Equal(2, kept.Count);
        Assert.Equal([1.0, 2, 4, 5], kept.Values.AsSpan(0, 4).ToArray());
        Assert.Equal(["a", "c"], kept.Labels.Take(2));
        Assert.Null(kept.Sums); // the chunk's sums include the dropped rows
        Assert.Equal(2, filter.RowsDropped);
        Assert.Equal(4, filter.RowsSeen);
    }

    [Fact]
    public void Error_policy_names_the_sample_and_the_column()
    {
        var filter = new RowFilter(2, NonFinitePolicy.Error, detectDuplicates: false, ["height", "width"], "data.npy");
        filter.Filter(Chunk([[1, 2], [3, 4]]));
        var e = Assert.Throws<SpectraException>(() => filter.Filter(Chunk([[1, 2], [5, double.NaN]])));
        Assert.Equal("data.npy", e.File);
        Assert.Contains("column 'width' (feature 1)", e.Reason);
        Assert.Equal("sample 3", e.Location); // numbered across chunks
    }

    [Fact]
    public void Sums_of_a_fully_kept_chunk_are_its_column_sums()
    {
        var filter = new RowFilter(2, NonFinitePolicy.DropRow, detectDuplicates: false, null, "x");
        var kept = filter.Filter(Chunk([[1, 10], [2, 20], [3, 30]]));
        Assert.Equal([6.0, 60], kept.Sums!.Take(2));
    }

    [Fact]
    public void Repeated_rows_are_counted_across_chunks_but_dropped_rows_are_not()
    {
        var filter = new RowFilter(2, NonFinitePolicy.DropRow, detectDuplicates: true, null, "x");
        filter.Filter(Chunk([[1, 2], [3, 4], [1, 2]]));
        filter.Filter(Chunk([[3, 4], [double.NaN, 1], [double.NaN, 1], [7, 8]]));
        var duplicates = filter.Detector!.Result();
        Assert.Equal(2, duplicates.Count);
        Assert.Equal(5, duplicates.Rows);
    }
}
