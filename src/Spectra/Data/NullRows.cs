namespace Spectra.Data;

/// <summary>
/// One read's rows with nulls in selected features, under a policy that keeps reading: dropped, or filled
/// with the column means, and counted for the summary. CSV and Parquet sources treat nulls alike; the error
/// policy stays with each source, as only the source can say where in its file the null was.
/// </summary>
internal sealed class NullRows(NullPolicy policy, double[]? means)
{
    private long _dropped, _imputedValues, _imputedRows;

    /// <summary>
    /// Applies the policy to <paramref name="row"/>, which has <paramref name="nulls"/> nulls where
    /// <paramref name="nullMask"/> is set: false when the row is dropped, true when its nulls now hold the means.
    /// </summary>
    public bool Keep(Span<double> row, bool[] nullMask, int nulls)
    {
        if (policy == NullPolicy.DropRow)
        {
            _dropped++;
            return false;
        }
        for (int k = 0; k < row.Length; k++) if (nullMask[k]) row[k] = means![k];
        _imputedValues += nulls;
        _imputedRows++;
        return true;
    }

    /// <summary>Writes the rows dropped, and notes of what was dropped or imputed, into the read's summary.</summary>
    public void Report(ReadSummary summary)
    {
        summary.DroppedRows = _dropped;
        if (_dropped > 0) summary.Notes.Add($"dropped {_dropped} rows with nulls");
        if (_imputedValues > 0) summary.Notes.Add($"mean-imputed {_imputedValues} null values in {_imputedRows} rows");
    }
}
