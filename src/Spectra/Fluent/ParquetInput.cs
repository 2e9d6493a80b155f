using Spectra.Data;

namespace Spectra.Fluent;

/// <summary>Opens Parquet input for <see cref="Dataset.Load"/>.</summary>
internal static class ParquetInput
{
    public static IDataSource Open(string path, LoadSettings s) =>
        throw SpectraException.Unsupported("Parquet input is not available in this build", path);
}
