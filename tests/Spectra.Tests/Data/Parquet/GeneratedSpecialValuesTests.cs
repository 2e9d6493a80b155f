using System.Globalization;

namespace Spectra.Tests.Data.Parquet;

/// <summary>NaN, ±Inf, −0, subnormals and extremes survive bit for bit (expected_special_values.csv, written by DuckDB).</summary>
public sealed class GeneratedSpecialValuesTests
{
    // DuckDB prints "nan", "inf", "-inf"; .NET spells them differently.
    private static string Net(string s) => s switch { "nan" => "NaN", "inf" => "Infinity", "-inf" => "-Infinity", _ => s };

    private static double? ParseFloat32(string s) => s.Length == 0 || s == "NULL" ? null : (double)float.Parse(Net(s), CultureInfo.InvariantCulture);

    private static double? ParseFloat64(string s) => s.Length == 0 ? null : double.Parse(Net(s), CultureInfo.InvariantCulture);

    private static void AssertBits(double? expected, double? actual, string what)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is null) return;
        if (double.IsNaN(expected.Value)) Assert.True(double.IsNaN(actual!.Value), what);
        else Assert.True(BitConverter.DoubleToInt64Bits(expected.Value) == BitConverter.DoubleToInt64Bits(actual!.Value),
            $"{what}: expected {expected.Value:R}, got {actual.Value:R}");
    }

    [ConformanceTheory]
    [InlineData("duckdb_special_values_v1.parquet")]
    [InlineData("duckdb_special_values_v2.parquet")]
    public void Special_values_are_bit_exact(string file)
    {
        string path = ParquetTestRead.Generated(file);
        var rows = File.ReadAllLines(ParquetTestRead.Generated("expected_special_values.csv")).Skip(1).Select(SimpleCsv.Split).ToArray();
        var f32 = ParquetTestRead.Flat(path, "f32");
        var f64 = ParquetTestRead.Flat(path, "f64");
        var i64 = ParquetTestRead.Flat(path, "i64");
        var lf = ParquetTestRead.Lists(path, "lf");
        Assert.Equal(rows.Length, f32.Length);
        for (int r = 0; r < rows.Length; r++)
        {
            AssertBits(ParseFloat32(rows[r][1]), f32[r], $"f32 row {r}");
            AssertBits(ParseFloat64(rows[r][2]), f64[r], $"f64 row {r}");
            AssertBits(rows[r][4].Length == 0 ? null : (double)long.Parse(rows[r][4], CultureInfo.InvariantCulture), i64[r], $"i64 row {r}");
            string list = rows[r][3];
            if (list.Length == 0)
            {
                Assert.Null(lf[r]);
                continue;
            }
            var expected = list.Trim('[', ']').Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(ParseFloat32).ToArray();
            Assert.Equal(expected.Length, lf[r]!.Length);
            for (int k = 0; k < expected.Length; k++) AssertBits(expected[k], lf[r]![k], $"lf row {r} element {k}");
        }
        // The cases the file exists for, stated outright.
        Assert.True(BitConverter.DoubleToInt64Bits(f32[3]!.Value) == BitConverter.DoubleToInt64Bits(-0.0));
        Assert.Equal((double)float.Epsilon, f32[4]);
        Assert.Equal(double.Epsilon, f64[4]);
        Assert.Equal(double.MaxValue, f64[5]);
        Assert.Equal(double.PositiveInfinity, f64[1]);
        Assert.Equal((double)long.MinValue, i64[1]);
    }
}
