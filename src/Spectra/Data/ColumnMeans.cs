namespace Spectra.Data;

/// <summary>
/// The per-feature means that mean imputation fills nulls with, summed over the present values of the
/// rows a read takes. A CSV file and a Parquet table impute the same way, so the same sums serve both;
/// each source only walks its own rows.
/// </summary>
internal sealed class ColumnMeans(int features)
{
    private readonly double[] _sum = new double[features];
    private readonly long[] _count = new long[features];

    /// <summary>
    /// The means a read under <paramref name="policy"/> fills nulls with, noted in <paramref name="summary"/>. A
    /// source reads the means once, with <paramref name="firstPass"/> on its first read, and keeps them in
    /// <paramref name="cache"/>: each read reports the pass, as a second read has the same imputed values.
    /// </summary>
    public static void Prepare(NullPolicy policy, ReadSummary summary, ref double[]? cache, Func<double[]> firstPass)
    {
        if (policy != NullPolicy.MeanImpute) return;
        cache ??= firstPass();
        summary.Notes.Add("mean imputation: column means from a first pass over the selected columns");
    }

    /// <summary>Adds the values of <paramref name="row"/> that <paramref name="nullMask"/> does not mark as missing.</summary>
    public void Add(ReadOnlySpan<double> row, bool[] nullMask)
    {
        for (int k = 0; k < _sum.Length; k++)
            if (!nullMask[k])
            {
                _sum[k] += row[k];
                _count[k]++;
            }
    }

    /// <summary>The means; a feature without one value is an error, saying its cells were all <paramref name="missing"/> ("empty", "null").</summary>
    public double[] Means(IReadOnlyList<string> names, string missing, string path)
    {
        var means = new double[_sum.Length];
        for (int k = 0; k < means.Length; k++)
        {
            if (_count[k] == 0)
                throw new SpectraException(SpectraErrorKind.NotEnoughData, $"column '{names[k]}' is {missing} in every row read; it has no mean to impute",
                    path, hint: "deselect the column");
            means[k] = _sum[k] / _count[k];
        }
        return means;
    }
}
