using P = Spectra.Jobs.Parameters;

namespace Spectra.Fluent;

/// <summary>The builder a <see cref="Dataset.Load"/> lambda receives: <c>o => o.Gray().Resize(32, 32).MaxSamples(2000).Seed(1)</c>.</summary>
public sealed class LoadBuilder
{
    /// <summary>The defaults, to build a request outside a lambda.</summary>
    public LoadBuilder() : this(AnalysisRequest.Default) { }

    internal LoadBuilder(AnalysisRequest request) => Request = request;

    public AnalysisRequest Request { get; }

    /// <summary>Images: one luma feature per pixel (the default).</summary>
    public LoadBuilder Gray() => With(P.Color, ImageColorMode.Gray);

    /// <summary>Images: three features (R, G, B) per pixel.</summary>
    public LoadBuilder Rgb() => With(P.Color, ImageColorMode.Rgb);

    /// <summary>Images: resize every image to width × height.</summary>
    public LoadBuilder Resize(int width, int height) => With(P.Resize, (width, height));

    /// <summary>Images: with <see cref="Resize"/>, decode JPEGs at 1/2, 1/4 or 1/8 scale first when that still covers the target; faster, pixels differ slightly.</summary>
    public LoadBuilder JpegDraft(bool draft = true) => With(P.JpegDraft, draft);

    /// <summary>Images: only files matching these globs.</summary>
    public LoadBuilder Include(params string[] globs) => With(P.Include, [.. Request.Include, .. globs]);

    /// <summary>Images: leave out files matching these globs.</summary>
    public LoadBuilder Exclude(params string[] globs) => With(P.Exclude, [.. Request.Exclude, .. globs]);

    /// <summary>Images: each file's label from its path, the one group of <paramref name="regex"/> (e.g. <c>_label(\d+)</c>).</summary>
    public LoadBuilder LabelPattern(string regex) => With(P.LabelPattern, regex);

    /// <summary>Parquet, CSV: the numeric or list columns to analyse (default: every numeric column).</summary>
    public LoadBuilder Columns(params string[] columns) => With(P.Columns, [.. Request.Columns, .. columns]);

    /// <summary>Parquet: a list (or fixed-size list) column expanded into one feature per element, e.g. an embedding.</summary>
    public LoadBuilder ListColumn(string column) => With(P.ListColumn, column);

    /// <summary>Parquet: the column of encoded images (a {bytes, path} struct or a binary column), when the table has more than one.</summary>
    public LoadBuilder ImageColumn(string column) => With(P.ImageColumn, column);

    /// <summary>Parquet, CSV: the column holding each row's class label.</summary>
    public LoadBuilder LabelColumn(string column) => With(P.LabelColumn, column);

    /// <summary>HDF5: the dataset to read ("/fields/u"), when the file holds more than one numeric dataset.</summary>
    public LoadBuilder Hdf5Dataset(string path) => With(P.Dataset, path);

    /// <summary>Parquet, CSV: what a null in a selected column does (stop, drop the row, or impute the column mean).</summary>
    public LoadBuilder Nulls(NullPolicy policy) => With(P.Nulls, policy);

    /// <summary>Parquet: the null policy by its command-line name: "error", "drop-row" or "mean-impute".</summary>
    public LoadBuilder Nulls(string policy) => With(P.Nulls, P.Nulls.Parse(policy));

    /// <summary>Use at most n samples, a random subset chosen with the seed.</summary>
    public LoadBuilder MaxSamples(int n) => With(P.MaxSamples, n);

    /// <summary>Seed of every random choice (subsets, realisations, bootstrap).</summary>
    public LoadBuilder Seed(int seed) => With(P.Seed, seed);

    /// <summary>Pass over unreadable files and list them in the report instead of stopping.</summary>
    public LoadBuilder SkipInvalid(bool skip = true) => With(P.SkipInvalid, skip);

    /// <summary>Parquet: skip the content hash (the XXH128 of every input byte); the report's content_hash is then null.</summary>
    public LoadBuilder NoContentHash() => With(P.ContentHash, false);

    // Checked at each step so that a bad value fails in the cell that gave it, not at the run.
    private LoadBuilder With<T>(Parameter<T> p, T value) => new(p.With(Request, p.Checked(value)));
}
