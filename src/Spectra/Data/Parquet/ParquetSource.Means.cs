namespace Spectra.Data.Parquet;

/// <summary>The per-feature means that mean imputation fills nulls with: a pass over the selected columns before the read.</summary>
internal sealed partial class ParquetSource
{
    private double[] ComputeMeans(CancellationToken ct)
    {
        int d = Features;
        var sum = new double[d];
        var count = new long[d];
        var row = new double[d];
        var mask = new bool[d];
        foreach (var group in Groups(null, ct))
            foreach (int r in group.KeptRows)
            {
                FillRow(group, r, row, mask);
                for (int k = 0; k < d; k++)
                    if (!mask[k])
                    {
                        sum[k] += row[k];
                        count[k]++;
                    }
            }
        var means = new double[d];
        for (int k = 0; k < d; k++)
        {
            if (count[k] == 0)
                throw new SpectraException(SpectraErrorKind.NotEnoughData, $"column '{FeatureNames![k]}' is null in every row read; it has no mean to impute",
                    _path, hint: "deselect the column");
            means[k] = sum[k] / count[k];
        }
        return means;
    }
}
