using Spectra.Data;
using Spectra.Data.Parquet;

namespace Spectra.Cli;

/// <summary>Opens Parquet input (a file, or a folder of files read in sorted order) with the table options.</summary>
internal static class ParquetSourceFactory
{
    public static IDataSource Open(RunSettings s) => new ParquetSource(s.Path, new ParquetSourceOptions
    {
        Columns = s.Columns.Count > 0 ? s.Columns : null,
        ListColumn = s.ListColumn,
        LabelColumn = s.LabelColumn,
        Nulls = s.Nulls switch
        {
            "drop-row" => NullPolicy.DropRow,
            "mean-impute" => NullPolicy.MeanImpute,
            _ => NullPolicy.Error,
        },
        MaxRows = s.MaxSamples,
        Seed = s.Seed,
    });
}
