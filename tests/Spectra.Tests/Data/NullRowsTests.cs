namespace Spectra.Tests.Data;

/// <summary>The null handling that CSV and Parquet sources share: the column means and the rows a policy drops or fills.</summary>
public sealed class NullRowsTests
{
    [Fact]
    public void Means_count_only_the_values_present()
    {
        var means = new ColumnMeans(2);
        means.Add([1, 10], [false, false]);
        means.Add([3, 0], [false, true]);
        Assert.Equal([2.0, 10.0], means.Means(["a", "b"], "null", "t.parquet"));
    }

    [Fact]
    public void A_feature_without_a_value_has_no_mean()
    {
        var means = new ColumnMeans(2);
        means.Add([1, 0], [false, true]);
        var e = Assert.Throws<SpectraException>(() => means.Means(["a", "b"], "empty", "t.csv"));
        Assert.Equal(SpectraErrorKind.NotEnoughData, e.Kind);
        Assert.Contains("column 'b' is empty in every row read", e.Message);
    }

    [Fact]
    public void The_first_pass_runs_once_and_every_read_notes_it()
    {
        double[]? cache = null;
        int passes = 0;
        var first = new ReadSummary();
        var second = new ReadSummary();
        ColumnMeans.Prepare(NullPolicy.MeanImpute, first, ref cache, () => { passes++; return [1.0]; });
        ColumnMeans.Prepare(NullPolicy.MeanImpute, second, ref cache, () => { passes++; return [2.0]; });
        Assert.Equal(1, passes);
        Assert.Equal([1.0], cache!);
        Assert.Single(second.Notes);

        var dropping = new ReadSummary();
        ColumnMeans.Prepare(NullPolicy.DropRow, dropping, ref cache, () => throw new InvalidOperationException());
        Assert.Empty(dropping.Notes);
    }

    [Fact]
    public void Dropped_rows_are_counted_and_noted()
    {
        var rows = new NullRows(NullPolicy.DropRow, null);
        Assert.False(rows.Keep(new double[2], [true, false], 1));
        Assert.False(rows.Keep(new double[2], [true, true], 2));
        var summary = new ReadSummary();
        rows.Report(summary);
        Assert.Equal(2, summary.DroppedRows);
        Assert.Equal(["dropped 2 rows with nulls"], summary.Notes);
    }

    [Fact]
    public void Imputed_nulls_take_the_column_means()
    {
        var rows = new NullRows(NullPolicy.MeanImpute, [5, 7, 9]);
        double[] row = [1, 0, 0];
        Assert.True(rows.Keep(row, [false, true, true], 2));
        Assert.Equal([1.0, 7.0, 9.0], row);
        var summary = new ReadSummary();
        rows.Report(summary);
        Assert.Equal(0, summary.DroppedRows);
        Assert.Equal(["mean-imputed 2 null values in 1 rows"], summary.Notes);
    }
}
