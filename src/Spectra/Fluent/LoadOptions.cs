using System.Globalization;

namespace Spectra.Fluent;

/// <summary>
/// How <see cref="Dataset.Load"/> reads a path, by the names of the CLI options (--color, --resize,
/// --include, --exclude, --columns, --list-column, --label-column, --nulls, --max-samples, --seed, --skip-invalid).
/// </summary>
public sealed record LoadSettings
{
    /// <summary>"gray" (luma) or "rgb" (three features per pixel).</summary>
    public string Color { get; init; } = "gray";
    public int? ResizeWidth { get; init; }
    public int? ResizeHeight { get; init; }
    public IReadOnlyList<string> Include { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Columns { get; init; } = Array.Empty<string>();
    public string? ListColumn { get; init; }
    public string? LabelColumn { get; init; }

    /// <summary>Parquet: "error" (default), "drop-row" or "mean-impute" for a null in a selected column.</summary>
    public string Nulls { get; init; } = "error";
    public int? MaxSamples { get; init; }
    public int Seed { get; init; }
    public bool SkipInvalid { get; init; }

    /// <summary>Parquet: record the SHA-256 of every input byte as the report's content hash (a second read of each file; default on).</summary>
    public bool ContentHash { get; init; } = true;

    public static LoadSettings Default { get; } = new();

    /// <summary>"WxH" as the CLI writes --resize, or null.</summary>
    public string? Resize => ResizeWidth is { } w && ResizeHeight is { } h ? $"{w}x{h}" : null;

    /// <summary>(width, height) from "WxH" (also "W×H", any case), both positive; null when the text is not that.</summary>
    public static (int Width, int Height)? ParseResize(string text)
    {
        var parts = text.ToLowerInvariant().Replace('×', 'x').Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) &&
               int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0
            ? (w, h)
            : null;
    }
}

/// <summary>The builder a <see cref="Dataset.Load"/> lambda receives: <c>o => o.Gray().Resize(32, 32).MaxSamples(2000).Seed(1)</c>.</summary>
public sealed class LoadOptions
{
    /// <summary>The defaults, to build settings outside a lambda.</summary>
    public LoadOptions() : this(LoadSettings.Default) { }

    internal LoadOptions(LoadSettings settings) => Settings = settings;

    public LoadSettings Settings { get; }

    /// <summary>Images: one luma feature per pixel (the default).</summary>
    public LoadOptions Gray() => With(Settings with { Color = "gray" });

    /// <summary>Images: three features (R, G, B) per pixel.</summary>
    public LoadOptions Rgb() => With(Settings with { Color = "rgb" });

    /// <summary>Images: resize every image to width × height.</summary>
    public LoadOptions Resize(int width, int height)
    {
        if (width <= 0 || height <= 0)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"resize needs a positive width and height, got {width} × {height}", hint: "e.g. Resize(28, 28)");
        return With(Settings with { ResizeWidth = width, ResizeHeight = height });
    }

    /// <summary>Images: only files matching these globs.</summary>
    public LoadOptions Include(params string[] globs) => With(Settings with { Include = Settings.Include.Concat(globs).ToArray() });

    /// <summary>Images: leave out files matching these globs.</summary>
    public LoadOptions Exclude(params string[] globs) => With(Settings with { Exclude = Settings.Exclude.Concat(globs).ToArray() });

    /// <summary>Parquet: the numeric or list columns to analyse (default: every numeric column).</summary>
    public LoadOptions Columns(params string[] columns) => With(Settings with { Columns = Settings.Columns.Concat(columns).ToArray() });

    /// <summary>Parquet: a list (or fixed-size list) column expanded into one feature per element, e.g. an embedding.</summary>
    public LoadOptions ListColumn(string column) => With(Settings with { ListColumn = column });

    /// <summary>Parquet: the column holding each row's class label.</summary>
    public LoadOptions LabelColumn(string column) => With(Settings with { LabelColumn = column });

    /// <summary>Parquet: what a null in a selected column does: "error", "drop-row" or "mean-impute".</summary>
    public LoadOptions Nulls(string policy)
    {
        if (policy is not ("error" or "drop-row" or "mean-impute"))
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"nulls '{policy}' is not error, drop-row or mean-impute");
        return With(Settings with { Nulls = policy });
    }

    /// <summary>Use at most n samples, a random subset chosen with the seed.</summary>
    public LoadOptions MaxSamples(int n)
    {
        if (n < 2) throw new SpectraException(SpectraErrorKind.InvalidOption, $"max samples must be at least 2, got {n}");
        return With(Settings with { MaxSamples = n });
    }

    /// <summary>Seed of every random choice (subsets, realisations, bootstrap).</summary>
    public LoadOptions Seed(int seed) => With(Settings with { Seed = seed });

    /// <summary>Pass over unreadable files and list them in the report instead of stopping.</summary>
    public LoadOptions SkipInvalid(bool skip = true) => With(Settings with { SkipInvalid = skip });

    /// <summary>Parquet: skip the content hash (the XXH128 of every input byte); the report's content_hash is then null.</summary>
    public LoadOptions NoContentHash() => With(Settings with { ContentHash = false });

    private static LoadOptions With(LoadSettings s) => new(s);
}
