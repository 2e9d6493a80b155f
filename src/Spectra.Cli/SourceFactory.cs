using Spectra.Data;
using Spectra.Data.Images;
using Spectra.Fluent;

namespace Spectra.Cli;

/// <summary>Opens the data source a path holds, with the options that apply to its kind.</summary>
public static class SourceFactory
{
    public static IDataSource Open(RunSettings s)
    {
        var kind = InputDetector.Detect(s.Path);
        if (kind == InputKind.Parquet)
        {
            RefuseFor(kind, ("--color", s.Color != "gray"), ("--resize", s.Resize is not null), ("--include", s.Include.Count > 0), ("--exclude", s.Exclude.Count > 0));
            return ParquetInput.Open(s.Path, new LoadSettings
            {
                Columns = s.Columns,
                ListColumn = s.ListColumn,
                LabelColumn = s.LabelColumn,
                Nulls = s.Nulls,
                MaxSamples = s.MaxSamples,
                Seed = s.Seed,
            });
        }
        RefuseFor(kind, ("--columns", s.Columns.Count > 0), ("--list-column", s.ListColumn is not null), ("--label-column", s.LabelColumn is not null), ("--nulls", s.Nulls != "error"));
        var size = s.ResizeSize();
        return ImageSource.Open(s.Path, new ImageSourceOptions
        {
            Color = s.Color == "rgb" ? ImageColorMode.Rgb : ImageColorMode.Gray,
            ResizeWidth = size?.Width,
            ResizeHeight = size?.Height,
            Include = s.Include,
            Exclude = s.Exclude,
            MaxSamples = s.MaxSamples,
            Seed = s.Seed,
            SkipInvalid = s.SkipInvalid,
        });
    }

    private static void RefuseFor(InputKind kind, params (string Option, bool Given)[] options)
    {
        foreach (var (option, given) in options)
            if (given)
                throw new SpectraException(SpectraErrorKind.InvalidOption, $"{option} does not apply to {InputDetector.Name(kind)} input",
                    hint: "leave it out, or check that the path is the input you meant");
    }
}
