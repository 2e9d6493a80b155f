using Spectra.Data;
using Spectra.Data.Parquet;

namespace Spectra.Fluent;

/// <summary>
/// Opens Parquet input (a file, or a folder of files) from the option names the CLI and
/// <see cref="Dataset.Load"/> share: the one place those names map to <see cref="ParquetSourceOptions"/>.
/// </summary>
public static class ParquetInput
{
    public static IDataSource Open(string path, LoadSettings s) => new ParquetSource(path, new ParquetSourceOptions
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
        HashContent = s.ContentHash,
    });
}
