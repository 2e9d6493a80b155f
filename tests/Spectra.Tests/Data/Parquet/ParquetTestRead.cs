namespace Spectra.Tests.Data.Parquet;

/// <summary>Reads whole columns across row groups, for comparing with expected values.</summary>
internal static class ParquetTestRead
{
    public static string Generated(string file) => Spectra.Tests.TestSupport.Conformance.PathOf("parquet", "generated", file);

    public static string Testing(string file) => Spectra.Tests.TestSupport.Conformance.PathOf("parquet", "parquet-testing", "data", file);

    public static string BadData(string file) => Spectra.Tests.TestSupport.Conformance.PathOf("parquet", "parquet-testing", "bad_data", file);

    /// <summary>An oracle file committed next to these tests.</summary>
    public static string OraclePath(string file) =>
        System.IO.Path.Combine(Spectra.Tests.TestSupport.Conformance.ProjectRoot, "tests", "Spectra.Tests", "Data", "Parquet", "Oracles", file);

    /// <summary>A flat column: one value per row, null where the file has a null.</summary>
    public static double?[] Flat(string path, string column, ParquetReadOptions? options = null)
    {
        using var f = ParquetFile.Open(path, options);
        var col = f.Schema.Find(column) ?? throw new InvalidOperationException("no column " + column);
        var result = new List<double?>();
        for (int g = 0; g < f.RowGroupCount; g++)
        {
            var d = f.ReadColumn(g, col);
            Assert.False(d.IsList);
            for (int i = 0; i < d.Rows; i++) result.Add(d.Nulls is not null && d.Nulls[i] ? null : d.Values[i]);
        }
        Assert.Equal(f.RowCount, result.Count);
        return result.ToArray();
    }

    /// <summary>A list column: per row null (null list) or the elements (null elements as null).</summary>
    public static double?[]?[] Lists(string path, string column, ParquetReadOptions? options = null)
    {
        using var f = ParquetFile.Open(path, options);
        var col = f.Schema.Find(column) ?? throw new InvalidOperationException("no column " + column);
        var result = new List<double?[]?>();
        for (int g = 0; g < f.RowGroupCount; g++)
        {
            var d = f.ReadColumn(g, col);
            Assert.True(d.IsList);
            for (int r = 0; r < d.Rows; r++)
            {
                if (d.RowIsNull![r])
                {
                    Assert.Equal(d.Offsets![r], d.Offsets[r + 1]);
                    result.Add(null);
                    continue;
                }
                var row = new double?[d.Offsets![r + 1] - d.Offsets[r]];
                for (int k = 0; k < row.Length; k++)
                {
                    int at = d.Offsets[r] + k;
                    row[k] = d.Nulls?[at] == true ? null : d.Values[at];
                }
                result.Add(row);
            }
        }
        return result.ToArray();
    }

    public static string?[] Text(string path, string column)
    {
        using var f = ParquetFile.Open(path);
        var col = f.Schema.Find(column) ?? throw new InvalidOperationException("no column " + column);
        var result = new List<string?>();
        for (int g = 0; g < f.RowGroupCount; g++) result.AddRange(f.ReadColumn(g, col).Strings!);
        return result.ToArray();
    }
}
