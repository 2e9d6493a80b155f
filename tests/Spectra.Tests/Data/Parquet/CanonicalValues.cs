using System.Security.Cryptography;

namespace Spectra.Tests.Data.Parquet;

/// <summary>
/// The canonical text of a column that tools/fixtures/parquet/dump_oracles.mjs hashes: one line per row,
/// "N" for null, the IEEE-754 bits as 16 hex digits ("nan" for any NaN), lists as "[a,b,...]".
/// </summary>
internal static class CanonicalValues
{
    public static string Value(double? v) =>
        v is null ? "N" : double.IsNaN(v.Value) ? "nan" : BitConverter.DoubleToUInt64Bits(v.Value).ToString("x16");

    public static string Hash(IEnumerable<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));

    public static string HashFlat(double?[] values) => Hash(values.Select(Value));

    public static string HashLists(double?[]?[] rows) =>
        Hash(rows.Select(r => r is null ? "N" : "[" + string.Join(",", r.Select(Value)) + "]"));
}
