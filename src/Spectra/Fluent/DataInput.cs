using Spectra.Data;
using Spectra.Data.Images;

namespace Spectra.Fluent;

/// <summary>
/// Opens the source a path holds from <see cref="LoadSettings"/>, for the CLI and <see cref="Dataset.Load"/>
/// alike. A setting that does not apply to the input kind is refused rather than ignored, so a mistaken
/// path is caught early. Settings are named by key (the option map's names) because each front end
/// spells them its own way (--color on the command line, Rgb() in a notebook).
/// </summary>
public static class DataInput
{
    /// <summary>The keys of the settings given (not at their defaults) that do not apply to <paramref name="kind"/> input.</summary>
    /// <param name="kind">An <see cref="InputDetector.Name"/>, or the fluent API's "memory", "synthetic" or "source".</param>
    public static IReadOnlyList<string> Inapplicable(LoadSettings s, string kind)
    {
        (string Key, bool Given)[] settings = kind switch
        {
            "parquet" =>
            [
                ("color", s.Color != "gray"), ("resize", s.Resize is not null), ("include", s.Include.Count > 0), ("exclude", s.Exclude.Count > 0),
                ("skip_invalid", s.SkipInvalid),
            ],
            "images" or "npy" or "idx" =>
            [
                ("columns", s.Columns.Count > 0), ("list_column", s.ListColumn is not null), ("label_column", s.LabelColumn is not null),
                ("nulls", s.Nulls != "error"), ("content_hash", !s.ContentHash),
            ],
            // A list of levels is a spectrum already: nothing is decoded, selected or sampled.
            "levels" =>
            [
                ("color", s.Color != "gray"), ("resize", s.Resize is not null), ("include", s.Include.Count > 0), ("exclude", s.Exclude.Count > 0),
                ("skip_invalid", s.SkipInvalid), ("columns", s.Columns.Count > 0), ("list_column", s.ListColumn is not null),
                ("label_column", s.LabelColumn is not null), ("nulls", s.Nulls != "error"), ("content_hash", !s.ContentHash),
                ("max_samples", s.MaxSamples is not null),
            ],
            // In-memory and generated rows are all used: there is nothing to subsample from.
            "memory" or "synthetic" => [("max_samples", s.MaxSamples is not null)],
            _ => [],
        };
        return settings.Where(x => x.Given).Select(x => x.Key).ToArray();
    }

    /// <summary>Throws for the first inapplicable setting, named by <paramref name="spell"/>.</summary>
    public static void Refuse(LoadSettings s, string kind, Func<string, string> spell)
    {
        if (Inapplicable(s, kind) is [var key, ..])
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"{spell(key)} does not apply to {kind} input",
                hint: "leave it out, or check that the path is the input you meant");
    }

    /// <summary>The input kind of <paramref name="path"/>, after refusing the settings that do not apply to it.</summary>
    public static InputKind Detect(string path, LoadSettings s, Func<string, string> spell)
    {
        var kind = InputDetector.Detect(path);
        Refuse(s, InputDetector.Name(kind), spell);
        return kind;
    }

    /// <summary>A fresh source of an input already detected (and checked) by <see cref="Detect"/>.</summary>
    public static IDataSource Open(string path, InputKind kind, LoadSettings s) => kind switch
    {
        InputKind.Parquet => ParquetInput.Open(path, s),
        InputKind.Levels => throw new SpectraException(SpectraErrorKind.Unsupported, "a list of levels is a spectrum, not data with samples", path,
            hint: "analyse it with `spectra analyze`; baselines, checks and studies need the data itself"),
        _ => ImageSource.Open(path, new ImageSourceOptions
        {
            Color = s.Color == "rgb" ? ImageColorMode.Rgb : ImageColorMode.Gray,
            ResizeWidth = s.ResizeWidth,
            ResizeHeight = s.ResizeHeight,
            Include = s.Include,
            Exclude = s.Exclude,
            MaxSamples = s.MaxSamples,
            Seed = s.Seed,
            SkipInvalid = s.SkipInvalid,
        }),
    };

    public static IDataSource Open(string path, LoadSettings s, Func<string, string> spell) => Open(path, Detect(path, s, spell), s);
}
