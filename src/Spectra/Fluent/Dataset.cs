namespace Spectra;

/// <summary>
/// The notebook entry point: a dataset description that reads well in a cell and runs the same
/// library path as the <c>spectra</c> command (source → pipeline → analyzers → report).
/// <code>Dataset.Load("./images", o => o.Gray().Resize(32, 32)).Covariance().Analyze()</code>
/// Every step returns a new value; nothing is read until <see cref="Spectrum"/>, <see cref="Analyze"/>,
/// <see cref="Baseline"/> or <see cref="Check"/> runs, and each of them reads the data again.
/// The class is not called <c>Spectra</c> because a type named like its namespace would make
/// <c>Spectra.Data</c> and friends ambiguous in user code.
/// </summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })]
public sealed class Dataset
{
    private readonly Func<AnalysisRequest, IDataSource> _open;

    private Dataset(string name, string kind, Func<AnalysisRequest, IDataSource> open, AnalysisRequest request)
    {
        Name = name;
        Kind = kind;
        _open = open;
        Request = request;
    }

    /// <summary>The path or a short description of the data.</summary>
    public string Name { get; }

    /// <summary>"images", "parquet", "csv", "memory" or "synthetic".</summary>
    public string Kind { get; }

    /// <summary>How the data is read and which matrix is decomposed; each run adds its own analysis options.</summary>
    public AnalysisRequest Request { get; }

    /// <summary>
    /// An image folder (class subfolders become labels), a single image, a .npy/.npz or IDX file, a
    /// Parquet file or folder, or a CSV or TSV file. The input kind is detected as the CLI detects it.
    /// </summary>
    public static Dataset Load(string path, Func<LoadBuilder, LoadBuilder>? configure = null) => Spelled(() =>
    {
        var request = configure?.Invoke(new LoadBuilder(AnalysisRequest.Default)).Request ?? AnalysisRequest.Default;
        var detected = request.Detect(path);
        return new Dataset(path, InputDetector.Name(detected), r => r.Open(path), request);
    });

    /// <summary>Several Parquet files, folders or globs ("shards/*.parquet") read as one table with the first file's columns.</summary>
    public static Dataset Load(IReadOnlyList<string> paths, Func<LoadBuilder, LoadBuilder>? configure = null) => Spelled(() =>
    {
        var request = configure?.Invoke(new LoadBuilder(AnalysisRequest.Default)).Request ?? AnalysisRequest.Default;
        var expanded = InputPaths.Expand(paths);
        if (expanded is [var one]) return Load(one, configure);
        request.Open(expanded);
        return new Dataset(InputPaths.Describe(expanded), InputDetector.Name(InputKind.Parquet), r => r.Open(expanded), request);
    });

    /// <summary>Rows already in memory: x[sample, feature].</summary>
    public static Dataset FromArray(double[,] x, string name = "array")
    {
        ArgumentNullException.ThrowIfNull(x);
        var copy = (double[,])x.Clone();
        return InMemory(name, () => InMemorySource.FromArray(copy, name));
    }

    /// <summary>Rows already in memory, with an optional class label per row (for <see cref="PerClass"/>).</summary>
    public static Dataset FromRows(IReadOnlyList<double[]> rows, IReadOnlyList<string?>? labels = null, string name = "rows")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var source = InMemorySource.FromRows(rows, name);
        if (labels is null) return InMemory(name, () => InMemorySource.FromRows(rows, name));
        var d = source.Features;
        var values = rows.SelectMany(r => r).ToArray();
        var copy = labels.ToArray();
        return InMemory(name, () => new InMemorySource(values, rows.Count, d, labels: copy, name: name));
    }

    /// <summary>Any data source; the factory is called once per run, so it should give a fresh source each time.</summary>
    public static Dataset FromSource(Func<IDataSource> open, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        return new Dataset(name ?? "source", "source", _ => open(), AnalysisRequest.Default);
    }

    private static Dataset InMemory(string name, Func<IDataSource> open) => Refusing(name, "memory", open, AnalysisRequest.Default);

    private static Dataset Refusing(string name, string kind, Func<IDataSource> open, AnalysisRequest request) => new(name, kind, r =>
    {
        r.Refuse(kind);
        return open();
    }, request);

    /// <summary>Seeded synthetic Gaussian data (SCIENCE.md): the references every real spectrum is read against.</summary>
    public static class Synthetic
    {
        /// <summary>Uncorrelated Gaussian data (UGD): M samples of d i.i.d. N(0, 1) features.</summary>
        public static Dataset Ugd(int features, int samples, int seed = 0) =>
            Generated(GaussianDataSource.Uncorrelated(samples, features, seed).Header.Path, seed, () => GaussianDataSource.Uncorrelated(samples, features, seed));

        /// <summary>Correlated Gaussian data (CGD): population eigenvalues λ_i = i^-(1+α).</summary>
        public static Dataset Cgd(int features, int samples, double alpha, int seed = 0) =>
            Generated(GaussianDataSource.Correlated(samples, features, alpha, seed).Header.Path, seed, () => GaussianDataSource.Correlated(samples, features, alpha, seed));

        private static Dataset Generated(string name, int seed, Func<IDataSource> open) =>
            Refusing(name, "synthetic", open, Parameters.Seed.With(AnalysisRequest.Default, seed));
    }

    /// <summary>The feature–feature covariance C = XcᵀXc / M (d × d).</summary>
    public Dataset Covariance() => Matrix(MatrixRequest.Covariance);

    /// <summary>The sample–sample Gram matrix G = XcXcᵀ / d (M × M).</summary>
    public Dataset Gram() => Matrix(MatrixRequest.Gram);

    /// <summary>Whichever of covariance and Gram is smaller (the default).</summary>
    public Dataset Auto() => Matrix(MatrixRequest.Auto);

    public Dataset Matrix(MatrixRequest matrix) => With(Parameters.Matrix, matrix);

    /// <summary>"covariance", "gram" or "auto", as the CLI's --matrix.</summary>
    public Dataset Matrix(string matrix) => Spelled(() => Matrix(Parameters.Matrix.Parse(matrix)));

    /// <summary>Scale every feature to unit variance (a correlation matrix); zero-variance features are dropped and reported.</summary>
    public Dataset Standardize(bool standardize = true) => With(Parameters.Standardize, standardize);

    /// <summary>Do not centre the features (centring is on by default).</summary>
    public Dataset NoCenter() => With(Parameters.Center, false);

    /// <summary>Drop rows holding NaN or infinity (and count them) instead of stopping.</summary>
    public Dataset DropNonFinite() => With(Parameters.DropNonFinite, true);

    /// <summary>Native linear-algebra threads (0: the library's default).</summary>
    public Dataset Threads(int threads) => With(Parameters.Threads, threads);

    /// <summary>Also compute one spectrum per class label (image subfolder, label column).</summary>
    public Dataset PerClass(bool perClass = true) => new(Name, Kind, _open, Request with { PerClass = perClass });

    /// <summary>Seed of every random choice (subsets, realisations, bootstrap).</summary>
    public Dataset Seed(int seed) => With(Parameters.Seed, seed);

    private Dataset With<T>(Parameter<T> p, T value) => Spelled(() => new Dataset(Name, Kind, _open, p.With(Request, p.Checked(value))));

    /// <summary>A fresh source for one run.</summary>
    public IDataSource Open() => Spelled(() => _open(Request));

    /// <summary>The spectrum alone (no level statistics, no subsample realisations).</summary>
    public DatasetSpectrum Spectrum(IProgress<SpectraProgress>? progress = null) => Spelled(() =>
        new DatasetSpectrum(Name, SpectrumPipeline.Run(_open(Request), Request.PipelineOptions() with { Realisations = 0 }, progress)));

    /// <summary>The spectrum and every analyzer, as the CLI's <c>spectra analyze</c> computes them.</summary>
    public DatasetAnalysis Analyze(Func<AnalyzeBuilder, AnalyzeBuilder>? configure = null, IProgress<SpectraProgress>? progress = null) => Spelled(() =>
    {
        var r = Configure(configure);
        return new DatasetAnalysis(Name, Job.Analyze(_open(r), r, progress: progress), r);
    });

    /// <summary>
    /// A baseline for nightly checks: the fingerprint of the data with the spread of every metric over
    /// <paramref name="replicates"/> resampled replicates of the rows (as <c>spectra baseline</c>).
    /// </summary>
    /// <param name="replicates">Resampled replicates (as --replicates; null: the default, 20).</param>
    /// <param name="resampling">"half" (random halves of the rows, the default) or "poisson" (rows repeated Poisson(1) times), as --resampling.</param>
    public DatasetBaseline Baseline(int? replicates = null, string? resampling = null, Func<AnalyzeBuilder, AnalyzeBuilder>? configure = null,
        IProgress<SpectraProgress>? progress = null) => Spelled(() =>
    {
        var r = Configure(configure);
        if (replicates is { } n) r = Parameters.Replicates.With(r, n);
        if (resampling is not null) r = Parameters.Resampling.WithText(r, resampling);
        var (baseline, report) = Job.Baseline(_open(r), r, progress);
        return new DatasetBaseline(baseline, report);
    });

    /// <summary>
    /// Today's data against a baseline under rules (the default rules when none are given), as
    /// <c>spectra check</c>: every option this dataset was not given is the baseline's (how the input is
    /// read, the matrix, the analysis), so both are computed alike, and a batch of another row count is
    /// compared at a matched size (<see cref="CheckResult.SizeMatch"/>).
    /// </summary>
    public DatasetCheck Check(Baseline baseline, RuleSet? rules = null, IProgress<SpectraProgress>? progress = null) => Spelled(() =>
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var outcome = Job.Check(_open, Request, baseline, rules ?? DefaultRules.Create(), progress: progress);
        return new DatasetCheck(Name, outcome.Run.Result, new DatasetAnalysis(Name, outcome.Batch, outcome.Request), baseline);
    });

    /// <inheritdoc cref="Check(Spectra.Checks.Baseline, RuleSet?, IProgress{SpectraProgress}?)"/>
    public DatasetCheck Check(DatasetBaseline baseline, RuleSet? rules = null, IProgress<SpectraProgress>? progress = null) =>
        Check(baseline.Baseline, rules, progress);

    /// <summary>
    /// How many samples each headline statistic needs (the sample-size study): subsets of the data over a
    /// grid of M/d, with this dataset's matrix settings and seed. <paramref name="configure"/> may change the
    /// grid, the number of subsets or the tolerances.
    /// </summary>
    public SampleSizeScan SampleSizeScan(Func<SampleSizeOptions, SampleSizeOptions>? configure = null, IProgress<SpectraProgress>? progress = null) => Spelled(() =>
    {
        var options = new SampleSizeOptions
        {
            Seed = Request.Seed, Spectrum = Request.PipelineOptions(light: true),
            Analysis = AnalysisOptions.Default with { Seed = Request.Seed },
        };
        options = configure?.Invoke(options) ?? options;
        return new SampleSizeScan(SampleSizeStudy.Run(_open(Request), options, progress));
    });

    private AnalysisRequest Configure(Func<AnalyzeBuilder, AnalyzeBuilder>? configure) =>
        configure?.Invoke(new AnalyzeBuilder(Request)).Request ?? Request;

    /// <summary>The options that change the numbers, by the CLI's names (what a baseline records).</summary>
    public SortedDictionary<string, string> OptionMap(Func<AnalyzeBuilder, AnalyzeBuilder>? configure = null) => Configure(configure).OptionMap();

    /// <summary>A notebook names an option by the builder call that sets it: KTop(), Nulls(NullPolicy.DropRow).</summary>
    private static T Spelled<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (SpectraException e) when (e.Keys.Count > 0)
        {
            throw e.Spelled(Parameters.NotebookSpelling);
        }
    }

    public override string ToString() =>
        $"{Kind} dataset {Name} (matrix {Parameters.Matrix.TextOf(Request.Matrix)}{(Request.Standardize ? ", standardised" : "")}{(Request.PerClass ? ", per class" : "")}, seed {Request.Seed})";
}
