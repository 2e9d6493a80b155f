using Spectra.Data;

namespace Spectra.Cli;

/// <summary>Opens Parquet input (a file, or a folder of files read in sorted order).</summary>
internal static class ParquetSourceFactory
{
    public static IDataSource Open(RunSettings s) =>
        throw SpectraException.Unsupported("Parquet input is not available in this build", s.Path);
}
