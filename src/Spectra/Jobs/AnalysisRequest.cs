using Spectra.Data.Hdf5;
using Spectra.Data.Parquet.Images;
using Spectra.Pipeline.Shards;
using P = Spectra.Jobs.Parameters;

namespace Spectra.Jobs;

/// <summary>
/// What one job is asked: how the input is read, which matrix is decomposed and how its spectrum is
/// read, with the defaults of <see cref="Parameters"/>. The command line and the notebook builders
/// both fill it, and <see cref="Job"/> runs it, so the two front ends cannot disagree.
/// </summary>
public sealed record AnalysisRequest
{
    public ImageColorMode Color { get; init; } = P.Color.Default;
    public (int Width, int Height)? Resize { get; init; } = P.Resize.Default;
    public bool JpegDraft { get; init; } = P.JpegDraft.Default;
    public IReadOnlyList<string> Include { get; init; } = P.Include.Default;
    public IReadOnlyList<string> Exclude { get; init; } = P.Exclude.Default;
    public string? LabelPattern { get; init; } = P.LabelPattern.Default;
    public IReadOnlyList<string> Columns { get; init; } = P.Columns.Default;
    public string? ListColumn { get; init; } = P.ListColumn.Default;
    public string? ImageColumn { get; init; } = P.ImageColumn.Default;
    public string? LabelColumn { get; init; } = P.LabelColumn.Default;
    public string? Dataset { get; init; } = P.Dataset.Default;
    public NullPolicy Nulls { get; init; } = P.Nulls.Default;
    public int? MaxSamples { get; init; } = P.MaxSamples.Default;
    public int Seed { get; init; } = P.Seed.Default;
    public bool SkipInvalid { get; init; } = P.SkipInvalid.Default;
    public bool ContentHash { get; init; } = P.ContentHash.Default;

    public MatrixRequest Matrix { get; init; } = P.Matrix.Default;
    public bool Center { get; init; } = P.Center.Default;
    public bool Standardize { get; init; } = P.Standardize.Default;
    public bool DropNonFinite { get; init; } = P.DropNonFinite.Default;
    public int Threads { get; init; } = P.Threads.Default;

    /// <summary>Also compute one spectrum per class label (image subfolder, label column); a notebook's choice.</summary>
    public bool PerClass { get; init; }

    public int KTop { get; init; } = P.KTop.Default;
    public int KBottom { get; init; } = P.KBottom.Default;
    public UnfoldingMethod Unfolding { get; init; } = P.Unfolding.Default;
    public int UnfoldingDegree { get; init; } = P.UnfoldingDegree.Default;
    public int SffRealisations { get; init; } = P.SffRealisations.Default;
    public int? StartRank { get; init; } = P.StartRank.Default;
    public int? EndRank { get; init; } = P.EndRank.Default;
    public int ReferenceDraws { get; init; } = P.ReferenceDraws.Default;
    public double Eta { get; init; } = P.Eta.Default;

    public int Replicates { get; init; } = P.Replicates.Default;
    public ResamplingMethod Resampling { get; init; } = P.Resampling.Default;

    /// <summary>The keys the user gave (through a parameter's <c>With</c>): a check keeps these over the baseline's recorded options.</summary>
    public IReadOnlySet<string> Given { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static AnalysisRequest Default { get; } = new();

    /// <summary>Read only this shard of the input (`spectra accumulate --shard I/N`); null reads all of it.</summary>
    internal ShardSelection? Shard { get; init; }

    /// <summary>
    /// The recorded options that shape the rows (how the input is read, the matrix, the realisations, the seed):
    /// what a shard records and what every shard of one run, and the analysis of their merge, must share.
    /// </summary>
    internal SortedDictionary<string, string> RowOptionMap()
    {
        var map = OptionMap();
        foreach (var key in Cluster.SlurmScripts.AnalysisKeys) map.Remove(key);
        return map;
    }

    /// <summary>The options that change the numbers, by key, in invariant text: the JSON <c>options</c> a report and a baseline record.</summary>
    public SortedDictionary<string, string> OptionMap()
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in P.Run)
        {
            var text = p.TextOf(this);
            if (text is not null && (p.Recorded == Recorded.Always || (p.Recorded == Recorded.WhenSet && text != p.DefaultText))) map[p.Key] = text;
        }
        return map;
    }

    /// <summary>
    /// The request with every recorded option (a baseline's) applied that the user did not give, so a check
    /// computes today's metrics as the baseline's were computed. A key that is not a parameter, or a value
    /// that does not parse or is out of range, is an error naming the key.
    /// </summary>
    public AnalysisRequest WithRecorded(IReadOnlyDictionary<string, string> recorded)
    {
        var r = this;
        foreach (var (key, text) in recorded)
        {
            if (!P.ByKey.TryGetValue(key, out var p) || p.Recorded == Recorded.Never)
                throw SpectraException.Option($"unknown option '{key}'", [], hint: "known options: " + string.Join(", ", P.Run.Where(x => x.Recorded != Recorded.Never).Select(x => x.Key).Order(StringComparer.Ordinal)));
            if (!Given.Contains(key)) r = p.WithText(r, text) with { Given = r.Given };
        }
        return r.Validate();
    }

    /// <summary>Every parameter within its range and the power-law range holding a fit; the request itself, to chain.</summary>
    public AnalysisRequest Validate()
    {
        foreach (var p in P.Run.Concat(P.Baseline)) p.Validate(this);
        // A draft decode is chosen for the resize target; without one it would silently do nothing.
        if (JpegDraft && Resize is null)
            throw SpectraException.Option($"{P.JpegDraft.Name} needs {P.Resize.Name}: the reduced scale is chosen to cover the resize target",
                [P.JpegDraft.Key, P.Resize.Key], hint: "give a resize target (e.g. " + P.Resize.Named("64x64") + "), or leave the option out");
        if (StartRank is { } s && EndRank is { } e)
        {
            // A range given in full must hold a fit: otherwise the power law would silently be left out of
            // the report, which reads as "no power law" rather than "wrong options".
            var minimum = PowerLawOptions.Default.MinimumPoints;
            if (s > e)
                throw SpectraException.Option($"{P.StartRank.Name} ({s}) is above {P.EndRank.Name} ({e})", [P.StartRank.Key, P.EndRank.Key],
                    hint: $"ranks count from the largest eigenvalue: give {P.StartRank.Name} ≤ {P.EndRank.Name}");
            if (e - s + 1 < minimum)
                throw SpectraException.Option($"{P.StartRank.Name} {s} … {P.EndRank.Name} {e} holds {e - s + 1} ranks; the power-law fit needs at least {minimum}",
                    [P.StartRank.Key, P.EndRank.Key], hint: "widen the range");
        }
        return this;
    }

    /// <summary>How the report analyses the spectrum.</summary>
    /// <param name="light">A baseline's replicate runs (see <see cref="ReportSettings.Light"/>).</param>
    internal ReportSettings ReportSettings(string toolVersion, bool light = false) => new()
    {
        KTop = KTop,
        KBottom = KBottom,
        Unfolding = new UnfoldingOptions { Method = Unfolding, Degree = UnfoldingDegree },
        Seed = Seed,
        StartRank = StartRank,
        EndRank = EndRank,
        ReferenceDraws = ReferenceDraws,
        Eta = Eta,
        Light = light,
        ToolVersion = toolVersion,
        Options = OptionMap(),
    };

    /// <summary>How the pipeline turns the rows into spectra; a light run (a replicate, a study's subset) has no realisations and no duplicate count.</summary>
    internal SpectrumOptions PipelineOptions(bool light = false) => new()
    {
        Matrix = Matrix,
        Preprocess = new PreprocessOptions { Center = Center, Standardize = Standardize, NonFinite = DropNonFinite ? NonFinitePolicy.DropRow : NonFinitePolicy.Error },
        Threads = Threads,
        Realisations = light ? 0 : SffRealisations,
        PerLabel = PerClass,
        DetectDuplicates = !light,
        Seed = Seed,
    };

    /// <summary>The keys of the parameters given (not at their defaults) that do not apply to <paramref name="kind"/> input.</summary>
    /// <param name="kind">An <see cref="InputDetector.Name"/>, "table" (a two-dimensional .npy), or the notebook's "memory", "synthetic" or "source".</param>
    public IReadOnlyList<string> Inapplicable(string kind)
    {
        Parameter[] images = [P.Color, P.Resize, P.JpegDraft, P.Include, P.Exclude, P.LabelPattern, P.SkipInvalid];
        Parameter[] parquet = [P.Columns, P.ListColumn, P.ImageColumn, P.LabelColumn, P.Nulls, P.ContentHash];
        Parameter[] candidates = kind switch
        {
            "parquet" => images,
            // A CSV table is selected like a Parquet table's columns, but has no list or image columns.
            "csv" => [.. images, P.ListColumn, P.ImageColumn],
            // A Parquet table of encoded images: decoded like a folder's files, selected like a table's rows.
            ParquetImages => [P.Include, P.Exclude, P.LabelPattern, P.SkipInvalid, P.Columns, P.ListColumn, P.Nulls],
            "images" => parquet,
            // Arrays hold samples, not JPEG files: there is nothing to decode at a reduced scale.
            "npy" or "idx" => [.. parquet, P.JpegDraft],
            // One dataset of an HDF5 file is read as a table or as a stack of images: nothing to decode, select or hash.
            "hdf5" => [.. images, .. parquet],
            // A two-dimensional array is a table of samples × features: nothing is decoded as an image.
            "table" => [.. images, .. parquet],
            // A list of levels is a spectrum already: nothing is decoded, selected, sampled or prepared into a matrix.
            "levels" => [.. images, .. parquet, P.MaxSamples, P.Matrix, P.Center, P.Standardize, P.DropNonFinite],
            // In-memory and generated rows are all used: there is nothing to subsample from.
            "memory" or "synthetic" => [P.MaxSamples],
            // The rows' options are the shards' own, checked against them when the file is opened.
            "accumulator" => [],
            _ => [],
        };
        // Only an HDF5 file has datasets to choose from (an accumulator checks its shards' own choice).
        if (kind is not ("hdf5" or "accumulator")) candidates = [.. candidates, P.Dataset];
        return candidates.Where(p => p.TextOf(this) != p.DefaultText).Select(p => p.Key).ToArray();
    }

    /// <summary>Throws for the first parameter given that does not apply to <paramref name="kind"/> input.</summary>
    public void Refuse(string kind, string? path = null)
    {
        if (Inapplicable(kind) is [var key, ..])
            throw SpectraException.Naming(SpectraErrorKind.InvalidOption, $"{{{key}}} does not apply to {kind} input", [key], path,
                hint: kind == "levels" ? "a list of levels is a spectrum already: leave the option out" : "leave it out, or check that the path is the input you meant");
    }

    /// <summary>The name <see cref="Inapplicable"/> knows a Parquet table of encoded images by.</summary>
    public const string ParquetImages = "parquet images";

    /// <summary>The input kind of <paramref name="path"/>, after refusing the parameters that do not apply to it.</summary>
    public InputKind Detect(string path)
    {
        var kind = InputDetector.Detect(path);
        Refuse(kind == InputKind.Parquet && HoldsImages(path) ? ParquetImages : InputDetector.Name(kind), kind == InputKind.Levels ? path : null);
        return kind;
    }

    // An image column is looked for only when image options ask for one or nothing selects numeric columns.
    private bool HoldsImages(string path) =>
        (ImageColumn is not null || (Columns.Count == 0 && ListColumn is null)) && ParquetImageSource.HoldsImages(path, ImageColumn);

    /// <summary>
    /// One source of the rows of several paths and quoted globs (<see cref="InputPaths.Expand"/>): one path is opened
    /// as it is; several must all be Parquet tables, read as one with the first file's columns.
    /// </summary>
    public IDataSource Open(IReadOnlyList<string> paths)
    {
        var expanded = InputPaths.Expand(paths);
        if (expanded.Count == 1) return Open(expanded[0]);
        foreach (var path in expanded)
        {
            var kind = Detect(path);
            var what = kind != InputKind.Parquet ? InputDetector.Name(kind) + " input" : HoldsImages(path) ? "a Parquet table of images" : null;
            if (what is not null)
                throw new SpectraException(SpectraErrorKind.Unsupported, $"several inputs are read as one only when each is a Parquet table; this one is {what}", path,
                    hint: "give one image folder (--include/--exclude choose among its files), or only Parquet files and folders");
        }
        return new ParquetSource(expanded, ParquetOptions());
    }

    /// <summary>A fresh source of the rows <paramref name="path"/> holds (a list of levels has none).</summary>
    public IDataSource Open(string path)
    {
        var kind = Detect(path);
        // A table's rows are samples of d features, not pictures: there is nothing to resize or turn gray.
        if (kind == InputKind.Npy && NpyCodec.RankOf(path) == 2 && Inapplicable("table") is [var key, ..])
            throw SpectraException.Naming(SpectraErrorKind.InvalidOption, $"{{{key}}} does not apply to a two-dimensional array (a table of samples × features)", [key], path,
                hint: "leave it out; an (M, H, W) array is read as M images");
        return Open(path, kind, matricesAreTables: true);
    }

    private ParquetSourceOptions ParquetOptions() => new()
    {
        Columns = Columns.Count > 0 ? Columns : null,
        ListColumn = ListColumn,
        LabelColumn = LabelColumn,
        Nulls = Nulls,
        MaxRows = MaxSamples,
        Seed = Seed,
        HashContent = ContentHash,
        Shard = Shard,
    };

    /// <summary>How pixels become features, for image folders and Parquet image columns alike.</summary>
    private ImageSourceOptions ImageOptions() => new() { Color = Color, ResizeWidth = Resize?.Width, ResizeHeight = Resize?.Height, JpegDraft = JpegDraft, Seed = Seed };

    /// <summary>A fresh source of the images <paramref name="path"/> holds, a two-dimensional array being one image (single-image mode).</summary>
    internal IDataSource OpenImages(string path) => Open(path, Detect(path), matricesAreTables: false);

    private IDataSource Open(string path, InputKind kind, bool matricesAreTables) => kind switch
    {
        _ when Shard is not null && kind is InputKind.Levels || Shard is not null && kind == InputKind.Parquet && HoldsImages(path) =>
            throw new SpectraException(SpectraErrorKind.Unsupported, $"{(kind == InputKind.Levels ? "a list of levels" : "a Parquet table of encoded images")} cannot be sharded yet", path,
                hint: "analyse it on one machine with `spectra analyze`"),
        InputKind.Parquet when HoldsImages(path) => new ParquetImageSource(path, new ParquetImageOptions
        {
            ImageColumn = ImageColumn,
            LabelColumn = LabelColumn,
            Images = ImageOptions(),
            MaxRows = MaxSamples,
            HashContent = ContentHash,
        }),
        InputKind.Parquet => new ParquetSource(path, ParquetOptions()),
        InputKind.Csv => new Data.Csv.CsvSource(path, new Data.Csv.CsvSourceOptions
        {
            Columns = Columns.Count > 0 ? Columns : null,
            LabelColumn = LabelColumn,
            Nulls = Nulls,
            MaxRows = MaxSamples,
            Seed = Seed,
            HashContent = ContentHash,
            Shard = Shard,
        }),
        InputKind.Hdf5 => new Hdf5Source(path, new Hdf5SourceOptions { Dataset = Dataset, MaxRows = MaxSamples, Seed = Seed, Shard = Shard }),
        InputKind.Accumulator => Shard is null ? new AccumulatorSource(path, RowOptionMap())
            : throw new SpectraException(SpectraErrorKind.InvalidOption, "an accumulator file is a shard already", path, hint: "accumulate the input itself"),
        InputKind.Levels => throw new SpectraException(SpectraErrorKind.Unsupported, "a list of levels is a spectrum, not data with samples", path,
            hint: "analyse it with `spectra analyze`; baselines, checks and studies need the data itself"),
        _ => ImageSource.Open(path, ImageOptions() with
        {
            Include = Include,
            Exclude = Exclude,
            LabelPattern = LabelPattern,
            MaxSamples = MaxSamples,
            SkipInvalid = SkipInvalid,
            MatricesAreTables = matricesAreTables && kind == InputKind.Npy,
            Shard = Shard,
        }),
    };
}
