namespace Spectra.Data.Parquet;

/// <summary>The per-feature means that mean imputation fills nulls with: a pass over the selected columns before the read.</summary>
internal sealed partial class ParquetSource
{
    private double[] ComputeMeans(CancellationToken ct)
    {
        var means = new ColumnMeans(Features);
        var row = new double[Features];
        var mask = new bool[Features];
        foreach (var group in Groups(null, ct))
            foreach (int r in group.KeptRows)
            {
                FillRow(group, r, row, mask);
                means.Add(row, mask);
            }
        return means.Means(FeatureNames!, "null", _path);
    }
}
