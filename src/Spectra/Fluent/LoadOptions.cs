using P = Spectra.Jobs.Parameters;

namespace Spectra.Fluent;

/// <summary>The builder a <see cref="Dataset.Load"/> lambda receives: <c>o => o.Gray().Resize(32, 32).MaxSamples(2000).Seed(1)</c>.</summary>
public sealed class LoadOptions
{
    /// <summary>The defaults, to build a request outside a lambda.</summary>
    public LoadOptions() : this(AnalysisRequest.Default) { }

    internal LoadOptions(AnalysisRequest request) => Request = request;

    public AnalysisRequest Request { get; }

    /// <summary>Images: one luma feature per pixel (the default).</summary>
    public LoadOptions Gray() => With(P.Color, ImageColorMode.Gray);

    /// <summary>Images: three features (R, G, B) per pixel.</summary>
    public LoadOptions Rgb() => With(P.Color, ImageColorMode.Rgb);

    /// <summary>Images: resize every image to width × height.</summary>
    public LoadOptions Resize(int width, int height) => With(P.Resize, (width, height));

    /// <summary>Images: with <see cref="Resize"/>, decode JPEGs at 1/2, 1/4 or 1/8 scale first when that still covers the target; faster, pixels differ slightly.</summary>
    public LoadOptions JpegDraft(bool draft = true) => With(P.JpegDraft, draft);

    /// <summary>Images: only files matching these globs.</summary>
    public LoadOptions Include(params string[] globs) => With(P.Include, [.. Request.Include, .. globs]);

    /// <summary>Images: leave out files matching these globs.</summary>
    public LoadOptions Exclude(params string[] globs) => With(P.Exclude, [.. Request.Exclude, .. globs]);

    /// <summary>Images: each file's label from its path, the one group of <paramref name="regex"/> (e.g. <c>_label(\d+)</c>).</summary>
    public LoadOptions LabelPattern(string regex) => With(P.LabelPattern, regex);

    /// <summary>Parquet, CSV: the numeric or list columns to analyse (default: every numeric column).</summary>
    public LoadOptions Columns(params string[] columns) => With(P.Columns, [.. Request.Columns, .. columns]);

    /// <summary>Parquet: a list (or fixed-size list) column expanded into one feature per element, e.g. an embedding.</summary>
    public LoadOptions ListColumn(string column) => With(P.ListColumn, column);

    /// <summary>Parquet: the column of encoded images (a {bytes, path} struct or a binary column), when the table has more than one.</summary>
    public LoadOptions ImageColumn(string column) => With(P.ImageColumn, column);

    /// <summary>Parquet, CSV: the column holding each row's class label.</summary>
    public LoadOptions LabelColumn(string column) => With(P.LabelColumn, column);

    /// <summary>HDF5: the dataset to read ("/fields/u"), when the file holds more than one numeric dataset.</summary>
    public LoadOptions Hdf5Dataset(string path) => With(P.Dataset, path);

    /// <summary>Parquet, CSV: what a null in a selected column does (stop, drop the row, or impute the column mean).</summary>
    public LoadOptions Nulls(NullPolicy policy) => With(P.Nulls, policy);

    /// <summary>Parquet: the null policy by its command-line name: "error", "drop-row" or "mean-impute".</summary>
    public LoadOptions Nulls(string policy) => With(P.Nulls, P.Nulls.Parse(policy));

    /// <summary>Use at most n samples, a random subset chosen with the seed.</summary>
    public LoadOptions MaxSamples(int n) => With(P.MaxSamples, n);

    /// <summary>Seed of every random choice (subsets, realisations, bootstrap).</summary>
    public LoadOptions Seed(int seed) => With(P.Seed, seed);

    /// <summary>Pass over unreadable files and list them in the report instead of stopping.</summary>
    public LoadOptions SkipInvalid(bool skip = true) => With(P.SkipInvalid, skip);

    /// <summary>Parquet: skip the content hash (the XXH128 of every input byte); the report's content_hash is then null.</summary>
    public LoadOptions NoContentHash() => With(P.ContentHash, false);

    // Checked at each step so that a bad value fails in the cell that gave it, not at the run.
    private LoadOptions With<T>(Parameter<T> p, T value) => new(p.With(Request, p.Checked(value)));
}
