using R = Spectra.Jobs.AnalysisRequest;

namespace Spectra.Jobs;

/// <summary>
/// Every parameter of the analyze, baseline and check jobs, each defined once. The defaults are the
/// analyzers' own (k_top is <see cref="BulkSelection.DefaultKTop"/>), so there is one of each.
/// </summary>
internal static class Parameters
{
    public static readonly Choice<ImageColorMode> Color = new("color", ImageColorMode.Gray, "Images: gray (luma) or rgb (three features per pixel)",
        r => r.Color, (r, v) => r with { Color = v }, ("gray", ImageColorMode.Gray), ("rgb", ImageColorMode.Rgb)) { Notebook = "Rgb" };
    public static readonly Parameter<(int Width, int Height)?> Resize = new("resize", null, "Images: resize every image to WIDTHxHEIGHT (e.g. 28x28)",
        r => r.Resize, (r, v) => r with { Resize = v }, v => v is { } s ? $"{s.Width}x{s.Height}" : null, ParseResize, ResizeRule)
        { HelpName = "WxH", Recorded = Recorded.WhenSet };
    public static readonly Parameter<bool> JpegDraft = Switch("jpeg_draft", false,
        "Images: decode JPEGs larger than the --resize target at a reduced scale (1/2, 1/4 or 1/8) first; faster, pixels differ slightly from a full decode",
        r => r.JpegDraft, (r, v) => r with { JpegDraft = v }, Recorded.WhenSet);
    public static readonly Parameter<IReadOnlyList<string>> Include = List("include", "GLOB", "Images: only files matching these globs", r => r.Include, (r, v) => r with { Include = v });
    public static readonly Parameter<IReadOnlyList<string>> Exclude = List("exclude", "GLOB", "Images: leave out files matching these globs", r => r.Exclude, (r, v) => r with { Exclude = v });
    public static readonly Parameter<string?> LabelPattern = new("label_pattern", null,
        "Images: each file's class label from its path, the one group of this regular expression (e.g. _label(\\d+) on 00000_label7.png)",
        r => r.LabelPattern, (r, v) => r with { LabelPattern = v }, v => v, (_, t) => t, v => v is null ? null : Data.Images.LabelPattern.Problem(v) is { } problem ? "{label_pattern} " + problem : null)
        { HelpName = "REGEX", Recorded = Recorded.WhenSet };
    public static readonly Parameter<IReadOnlyList<string>> Columns = List("columns", "COLUMN",
        "Parquet, CSV: the numeric or list columns to analyse (default: every numeric column but row ids, strictly increasing integers)", r => r.Columns, (r, v) => r with { Columns = v });
    public static readonly Parameter<string?> ListColumn = Text("list_column", "COLUMN", "Parquet: a list or fixed-size-list column expanded into d features (embeddings)",
        r => r.ListColumn, (r, v) => r with { ListColumn = v });
    public static readonly Parameter<string?> ImageColumn = Text("image_column", "COLUMN",
        "Parquet: the column of encoded images (a {bytes, path} struct or binary; default: the only one), decoded as --color and --resize say",
        r => r.ImageColumn, (r, v) => r with { ImageColumn = v });
    public static readonly Parameter<string?> LabelColumn = Text("label_column", "COLUMN", "Parquet, CSV: a column holding each row's class label (never a feature)",
        r => r.LabelColumn, (r, v) => r with { LabelColumn = v });
    public static readonly Parameter<string?> Dataset = Text("dataset", "PATH", "HDF5: the dataset to read, e.g. /fields/u (default: the file's only numeric one)",
        r => r.Dataset, (r, v) => r with { Dataset = v }, notebook: "Hdf5Dataset");
    public static readonly Choice<NullPolicy> Nulls = new("nulls", NullPolicy.Error, "Parquet, CSV: what a null in a selected column does: error, drop-row or mean-impute",
        r => r.Nulls, (r, v) => r with { Nulls = v }, ("error", NullPolicy.Error), ("drop-row", NullPolicy.DropRow), ("mean-impute", NullPolicy.MeanImpute))
        { Recorded = Recorded.WhenSet };
    public static readonly Parameter<int?> MaxSamples = new("max_samples", null, "Use at most N samples, a random subset chosen with --seed",
        r => r.MaxSamples, (r, v) => r with { MaxSamples = v }, v => v is { } n ? Int(n) : null, (p, t) => ParseInt(p, t), v => v is < 2 ? $"{{max_samples}} must be at least 2 (got {v})" : null)
        { HelpName = "N", Recorded = Recorded.WhenSet };
    public static readonly Parameter<int> Seed = Integer("seed", 0, "SEED", "Seed of every random choice (subsets, realisations, bootstrap)", r => r.Seed, (r, v) => r with { Seed = v }, int.MinValue, int.MaxValue);
    public static readonly Parameter<bool> SkipInvalid = Switch("skip_invalid", false, "Pass over unreadable files and list them in the report instead of stopping",
        r => r.SkipInvalid, (r, v) => r with { SkipInvalid = v }, Recorded.Never);
    public static readonly Parameter<bool> ContentHash = Switch("content_hash", true,
        "Parquet, CSV: skip the XXH128 of every input byte (a second read of each file); the report's content hash is then null",
        r => r.ContentHash, (r, v) => r with { ContentHash = v }, Recorded.Never, notebook: "NoContentHash");

    public static readonly Choice<MatrixRequest> Matrix = new("matrix", MatrixRequest.Auto, "Which matrix's spectrum: covariance (d × d), gram (M × M) or auto (the smaller)",
        r => r.Matrix, (r, v) => r with { Matrix = v }, ("covariance", MatrixRequest.Covariance), ("gram", MatrixRequest.Gram), ("auto", MatrixRequest.Auto));
    public static readonly Parameter<bool> Center = Switch("center", true, "Do not centre the features (centring is on by default)",
        r => r.Center, (r, v) => r with { Center = v }, Recorded.Always, notebook: "NoCenter");
    public static readonly Parameter<bool> Standardize = Switch("standardize", false,
        "Scale every feature to unit variance (a correlation matrix); zero-variance features are dropped and reported", r => r.Standardize, (r, v) => r with { Standardize = v }, Recorded.Always);
    public static readonly Parameter<bool> DropNonFinite = Switch("drop_non_finite", false, "Drop rows holding NaN or infinity (and count them) instead of stopping",
        r => r.DropNonFinite, (r, v) => r with { DropNonFinite = v }, Recorded.Always);
    public static readonly Parameter<int> Threads = Integer("threads", 0, "N", "Native linear-algebra threads (0: the library's default)",
        r => r.Threads, (r, v) => r with { Threads = v }, 0, OptionLimits.MaxThreads, Recorded.Never);

    public static readonly Parameter<int> KTop = Integer("k_top", BulkSelection.DefaultKTop, "K", "Bulk trimming: the largest eigenvalues left out of the bulk",
        r => r.KTop, (r, v) => r with { KTop = v }, 0, int.MaxValue);
    public static readonly Parameter<int> KBottom = Integer("k_bottom", BulkSelection.DefaultKBottom, "K", "Bulk trimming: the smallest non-zero eigenvalues left out of the bulk",
        r => r.KBottom, (r, v) => r with { KBottom = v }, 0, int.MaxValue);
    public static readonly Choice<UnfoldingMethod> Unfolding = new("unfolding", UnfoldingOptions.Default.Method,
        "Unfolding: a polynomial in ln λ, a polynomial in λ, or a Gaussian kernel", r => r.Unfolding, (r, v) => r with { Unfolding = v },
        ("log-polynomial", UnfoldingMethod.PolynomialLogLambda), ("polynomial", UnfoldingMethod.PolynomialLambda), ("kernel", UnfoldingMethod.GaussianKernel));
    public static readonly Parameter<int> UnfoldingDegree = Integer("unfolding_degree", UnfoldingOptions.Default.Degree, "DEGREE", "Degree of the unfolding polynomial",
        r => r.UnfoldingDegree, (r, v) => r with { UnfoldingDegree = v }, int.MinValue, int.MaxValue, notebook: "Unfolding");
    public static readonly Parameter<int> SffRealisations = Integer("sff_realisations", SpectrumOptions.Default.Realisations, "R",
        "Random half-subsamples of the rows the spectral form factor averages over", r => r.SffRealisations, (r, v) => r with { SffRealisations = v }, 0, OptionLimits.MaxSffRealisations);
    public static readonly Parameter<int?> StartRank = Rank("start_rank", "Power-law fit: first rank (1-based, largest first; default k_top + 1)", r => r.StartRank, (r, v) => r with { StartRank = v });
    public static readonly Parameter<int?> EndRank = Rank("end_rank", "Power-law fit: last rank (default n/2)", r => r.EndRank, (r, v) => r with { EndRank = v });
    public static readonly Parameter<int> ReferenceDraws = Integer("reference_draws", FiniteSizeOptions.Default.Draws, "N",
        "GOE and Poisson draws of the data's size for the finite-size references (0: asymptotic values only)", r => r.ReferenceDraws, (r, v) => r with { ReferenceDraws = v },
        0, OptionLimits.MaxReferenceDraws);
    public static readonly Parameter<double> Eta = new("eta", FormFactorOptions.Default.Eta, "Spectral form factor: width of the Gaussian filter in units of the levels' spread",
        r => r.Eta, (r, v) => r with { Eta = v }, v => v.ToString("R", CultureInfo.InvariantCulture), ParseFinite,
        v => double.IsFinite(v) && v > 0 ? null : $"{{eta}} must be a positive number (got {v.ToString(CultureInfo.InvariantCulture)})") { HelpName = "ETA" };

    /// <summary>A baseline's: the resampled replicates its spreads come from, and how they are drawn.</summary>
    public static readonly Parameter<int> Replicates = Integer("replicates", 20, "N", "Resampled replicates (see --resampling) for the spreads",
        r => r.Replicates, (r, v) => r with { Replicates = v }, 2, OptionLimits.MaxReplicates, Recorded.Never);
    public static readonly Choice<ResamplingMethod> Resampling = new("resampling", ResamplingMethod.HalfSample,
        "How replicates are drawn: half (random halves of the rows) or poisson (bootstrap, rows repeated Poisson(1) times)", r => r.Resampling, (r, v) => r with { Resampling = v },
        ("half", ResamplingMethod.HalfSample), ("poisson", ResamplingMethod.Poisson)) { Recorded = Recorded.Never };

    /// <summary>The parameters every job shares (analyze, baseline, check), in the order --help lists them.</summary>
    public static IReadOnlyList<Parameter> Run { get; } =
    [
        Matrix, Color, Resize, JpegDraft, Include, Exclude, LabelPattern, Columns, ListColumn, ImageColumn, LabelColumn, Nulls, MaxSamples, Seed, SkipInvalid, ContentHash,
        Dataset,
        Center, Standardize, DropNonFinite, Threads, KTop, KBottom, Unfolding, UnfoldingDegree, SffRealisations, StartRank, EndRank, ReferenceDraws, Eta,
    ];

    /// <summary>The baseline job's own parameters.</summary>
    public static IReadOnlyList<Parameter> Baseline { get; } = [Replicates, Resampling];

    public static IReadOnlyDictionary<string, Parameter> ByKey { get; } = Run.Concat(Baseline).ToDictionary(p => p.Key, StringComparer.Ordinal);

    /// <summary>The notebook builder call that sets a parameter (value given: with it), for messages: KTop(), Nulls(NullPolicy.DropRow).</summary>
    public static string NotebookSpelling(string key, string? value)
    {
        var p = ByKey.GetValueOrDefault(key);
        var method = p?.Notebook ?? string.Concat(key.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return method + "(" + (value is null ? "" : p?.NotebookValue(value) ?? value) + ")";
    }

    private static Parameter<int> Integer(string key, int @default, string helpName, string help, Func<R, int> get, Func<R, int, R> set, int min, int max,
        Recorded recorded = Recorded.Always, string? notebook = null) =>
        new(key, @default, help, get, set, Int, (p, t) => ParseInt(p, t) ?? 0, v => v >= min && v <= max ? null
            : max == int.MaxValue ? $"{{{key}}} must be ≥ {min} (got {v})" : $"{{{key}}} must be {min}…{max} (got {v})")
        { HelpName = helpName, Recorded = recorded, Notebook = notebook };

    private static Parameter<int?> Rank(string key, string help, Func<R, int?> get, Func<R, int?, R> set) =>
        new(key, null, help, get, set, v => v is { } n ? Int(n) : null, (p, t) => ParseInt(p, t), v => v is < 1 ? $"{{{key}}} must be ≥ 1 (got {v})" : null)
        { HelpName = "RANK", Recorded = Recorded.WhenSet, Notebook = "FitRanks" };

    private static Parameter<bool> Switch(string key, bool @default, string help, Func<R, bool> get, Func<R, bool, R> set, Recorded recorded, string? notebook = null) =>
        new(key, @default, help, get, set, v => v ? "true" : "false", (p, t) => t switch
        {
            "true" => true,
            "false" => false,
            _ => throw p.NotA(t, "true or false"),
        }) { Recorded = recorded, Notebook = notebook };

    private static Parameter<IReadOnlyList<string>> List(string key, string helpName, string help, Func<R, IReadOnlyList<string>> get, Func<R, IReadOnlyList<string>, R> set) =>
        new(key, Array.Empty<string>(), help, get, set, v => v.Count > 0 ? string.Join(",", v) : null, (_, t) => t.Split(',', StringSplitOptions.RemoveEmptyEntries))
        { HelpName = helpName, Recorded = Recorded.WhenSet };

    private static Parameter<string?> Text(string key, string helpName, string help, Func<R, string?> get, Func<R, string?, R> set, string? notebook = null) =>
        new(key, null, help, get, set, v => v, (_, t) => t) { HelpName = helpName, Recorded = Recorded.WhenSet, Notebook = notebook };

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static int? ParseInt(Parameter p, string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : throw p.NotA(text, "an integer");

    private static double ParseFinite(Parameter p, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : throw p.NotA(text, "a finite number");

    /// <summary>"WxH" (also "W×H", any case), both positive.</summary>
    private static (int Width, int Height)? ParseResize(Parameter p, string text)
    {
        var parts = text.ToLowerInvariant().Replace('×', 'x').Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) &&
               int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0
            ? (w, h)
            : throw SpectraException.Option($"{p.Name} '{text}' is not WIDTHxHEIGHT", [p.Key], hint: "e.g. " + p.Named("28x28"));
    }

    private static string? ResizeRule((int Width, int Height)? size) => size is { } s && (s.Width <= 0 || s.Height <= 0)
        ? $"{{resize}} needs a positive width and height, got {s.Width} × {s.Height}"
        : null;
}
