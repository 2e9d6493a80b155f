using System.Reflection;
using Spectra.Analysis;
using Spectra.Checks;
using Spectra.Data;
using Spectra.Data.Synthetic;
using Spectra.Fluent;
using Spectra.Pipeline;
using Spectra.Reports;
using Spectra.Reports.Document;
using Spectra.Studies.SampleSize;

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
[Spectra.Notebooks.TypeFormatterSource(typeof(Spectra.Notebooks.NotebookFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class Dataset
{
    private readonly Func<LoadSettings, IDataSource> _open;

    private Dataset(string name, string kind, Func<LoadSettings, IDataSource> open, LoadSettings load, MatrixSettings matrix)
    {
        Name = name;
        Kind = kind;
        _open = open;
        LoadSettings = load;
        MatrixSettings = matrix;
    }

    /// <summary>The path or a short description of the data.</summary>
    public string Name { get; }

    /// <summary>"images", "parquet", "memory" or "synthetic".</summary>
    public string Kind { get; }

    public LoadSettings LoadSettings { get; }
    public MatrixSettings MatrixSettings { get; }

    /// <summary>
    /// An image folder (class subfolders become labels), a single image, a .npy/.npz or IDX file, or a
    /// Parquet file or folder. The input kind is detected as the CLI detects it.
    /// </summary>
    public static Dataset Load(string path, Func<LoadOptions, LoadOptions>? configure = null)
    {
        var load = configure?.Invoke(new LoadOptions(LoadSettings.Default)).Settings ?? LoadSettings.Default;
        var detected = DataInput.Detect(path, load, FluentName);
        return new Dataset(path, InputDetector.Name(detected), s => DataInput.Open(path, detected, s), load, MatrixSettings.Default);
    }

    /// <summary>Rows already in memory: x[sample, feature].</summary>
    public static Dataset FromArray(double[,] x, string name = "array")
    {
        ArgumentNullException.ThrowIfNull(x);
        var copy = (double[,])x.Clone();
        return InMemory(name, _ => InMemorySource.FromArray(copy, name));
    }

    /// <summary>Rows already in memory, with an optional class label per row (for <see cref="PerClass"/>).</summary>
    public static Dataset FromRows(IReadOnlyList<double[]> rows, IReadOnlyList<string?>? labels = null, string name = "rows")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var source = InMemorySource.FromRows(rows, name);
        if (labels is null) return InMemory(name, _ => InMemorySource.FromRows(rows, name));
        var d = source.Features;
        var values = rows.SelectMany(r => r).ToArray();
        var copy = labels.ToArray();
        return InMemory(name, _ => new InMemorySource(values, rows.Count, d, labels: copy, name: name));
    }

    /// <summary>Any data source; the factory is called once per run, so it should give a fresh source each time.</summary>
    public static Dataset FromSource(Func<IDataSource> open, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        return new Dataset(name ?? "source", "source", _ => open(), LoadSettings.Default, MatrixSettings.Default);
    }

    private static Dataset InMemory(string name, Func<LoadSettings, IDataSource> open) => new(name, "memory", s =>
    {
        DataInput.Refuse(s, "memory", FluentName);
        return open(s);
    }, LoadSettings.Default, MatrixSettings.Default);

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
            new(name, "synthetic", s =>
            {
                DataInput.Refuse(s, "synthetic", FluentName);
                return open();
            }, LoadSettings.Default with { Seed = seed }, MatrixSettings.Default);
    }

    /// <summary>The feature–feature covariance C = XcᵀXc / M (d × d).</summary>
    public Dataset Covariance() => Matrix("covariance");

    /// <summary>The sample–sample Gram matrix G = XcXcᵀ / d (M × M).</summary>
    public Dataset Gram() => Matrix("gram");

    /// <summary>Whichever of covariance and Gram is smaller (the default).</summary>
    public Dataset Auto() => Matrix("auto");

    /// <summary>"covariance", "gram" or "auto", as the CLI's --matrix.</summary>
    public Dataset Matrix(string matrix) => With((MatrixSettings with { Matrix = matrix }).Validate());

    /// <summary>Scale every feature to unit variance (a correlation matrix); zero-variance features are dropped and reported.</summary>
    public Dataset Standardize(bool standardize = true) => With(MatrixSettings with { Standardize = standardize });

    /// <summary>Do not centre the features (centring is on by default).</summary>
    public Dataset NoCenter() => With(MatrixSettings with { Center = false });

    /// <summary>Drop rows holding NaN or infinity (and count them) instead of stopping.</summary>
    public Dataset DropNonFinite() => With(MatrixSettings with { DropNonFinite = true });

    /// <summary>Native linear-algebra threads (0: the library's default).</summary>
    public Dataset Threads(int threads) => With(MatrixSettings with { Threads = threads });

    /// <summary>Also compute one spectrum per class label (image subfolder, label column).</summary>
    public Dataset PerClass(bool perClass = true) => With(MatrixSettings with { PerClass = perClass });

    /// <summary>Seed of every random choice (subsets, realisations, bootstrap).</summary>
    public Dataset Seed(int seed) => new(Name, Kind, _open, LoadSettings with { Seed = seed }, MatrixSettings);

    private Dataset With(MatrixSettings m) => new(Name, Kind, _open, LoadSettings, m);

    /// <summary>A fresh source for one run.</summary>
    public IDataSource Open() => _open(LoadSettings);

    /// <summary>The spectrum alone (no level statistics, no subsample realisations).</summary>
    public DatasetSpectrum Spectrum(IProgress<SpectraProgress>? progress = null)
    {
        var computation = SpectrumPipeline.Run(Open(), MatrixSettings.PipelineOptions(0, LoadSettings.Seed), progress);
        return new DatasetSpectrum(Name, computation);
    }

    /// <summary>The spectrum and every analyzer, as the CLI's <c>spectra analyze</c> computes them.</summary>
    public DatasetAnalysis Analyze(Func<AnalyzeOptions, AnalyzeOptions>? configure = null, IProgress<SpectraProgress>? progress = null)
    {
        var a = Configure(configure);
        return Analyze(Open(), a, light: false, progress);
    }

    /// <summary>
    /// A baseline for nightly checks: the fingerprint of the data with the spread of every metric over
    /// <paramref name="replicates"/> resampled replicates of the rows (as <c>spectra baseline</c>).
    /// </summary>
    /// <param name="resampling">"half" (random halves of the rows, the default) or "poisson" (rows repeated Poisson(1) times), as --resampling.</param>
    public DatasetBaseline Baseline(int replicates = 20, string resampling = "half", Func<AnalyzeOptions, AnalyzeOptions>? configure = null,
        IProgress<SpectraProgress>? progress = null)
    {
        var method = resampling switch
        {
            "half" => BaselineBuilder.ResamplingMethod.HalfSample,
            "poisson" => BaselineBuilder.ResamplingMethod.Poisson,
            _ => throw new SpectraException(SpectraErrorKind.InvalidOption, $"resampling '{resampling}' is not half or poisson"),
        };
        var a = Configure(configure);
        var source = new CachedSource(Open());
        var (baseline, report) = BaselineBuilder.Build(source, replicates, LoadSettings.Seed, method,
            s => Analyze(s, a, light: false, progress).Document,
            s => Analyze(s, a, light: true, null).Document, progress);
        return new DatasetBaseline(baseline, report);
    }

    /// <summary>
    /// Today's data against a baseline under rules (the default rules when none are given), as
    /// <c>spectra check</c>: the analysis options are the baseline's, so both are computed alike, and a
    /// batch of another row count is compared at a matched size (<see cref="CheckResult.SizeMatch"/>).
    /// </summary>
    public DatasetCheck Check(Baseline baseline, RuleSet? rules = null, IProgress<SpectraProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var a = AnalysisFromOptions(baseline.Options);
        var analyses = new List<DatasetAnalysis>();
        var run = CheckRun.Execute(Open(), baseline, rules ?? DefaultRules.Create(), LoadSettings.Seed, (s, p) =>
        {
            var analysis = Analyze(s, a, light: false, p);
            analyses.Add(analysis);
            return analysis.Document;
        }, progress: progress);
        return new DatasetCheck(Name, run.Result, analyses[0], baseline);
    }

    /// <inheritdoc cref="Check(Spectra.Checks.Baseline, RuleSet?, IProgress{SpectraProgress}?)"/>
    public DatasetCheck Check(DatasetBaseline baseline, RuleSet? rules = null, IProgress<SpectraProgress>? progress = null) =>
        Check(baseline.Baseline, rules, progress);

    /// <summary>
    /// How many samples each headline statistic needs (the sample-size study): subsets of the data over a
    /// grid of M/d, with this dataset's matrix settings and seed. <paramref name="configure"/> may change the
    /// grid, the number of subsets or the tolerances.
    /// </summary>
    public SampleSizeScan SampleSizeScan(Func<SampleSizeOptions, SampleSizeOptions>? configure = null, IProgress<SpectraProgress>? progress = null)
    {
        var options = new SampleSizeOptions
        {
            Seed = LoadSettings.Seed, Spectrum = MatrixSettings.PipelineOptions(0, LoadSettings.Seed, detectDuplicates: false),
            Analysis = AnalysisOptions.Default with { Seed = LoadSettings.Seed },
        };
        options = configure?.Invoke(options) ?? options;
        return new SampleSizeScan(SampleSizeStudy.Run(Open(), options, progress));
    }

    private DatasetAnalysis Analyze(IDataSource source, AnalyzeSettings a, bool light, IProgress<SpectraProgress>? progress)
    {
        var settings = RunReportSettings.Create(LoadSettings, MatrixSettings, a, LibraryVersion, light);
        var computation = SpectrumPipeline.Run(source, MatrixSettings.PipelineOptions(light ? 0 : a.SffRealisations, LoadSettings.Seed, !light), progress);
        var report = ReportBuilder.Analyze(computation, settings);
        var document = ReportBuilder.Build(report, computation, settings);
        return new DatasetAnalysis(Name, computation, report, document, a);
    }

    private static AnalyzeSettings Configure(Func<AnalyzeOptions, AnalyzeOptions>? configure) =>
        configure?.Invoke(new AnalyzeOptions(AnalyzeSettings.Default)).Settings ?? AnalyzeSettings.Default;

    /// <summary>The options that change the numbers, by the CLI's names (what a baseline records).</summary>
    public SortedDictionary<string, string> OptionMap(AnalyzeSettings? analysis = null) =>
        OptionMapping.Write(LoadSettings, MatrixSettings, analysis ?? AnalyzeSettings.Default);

    /// <summary>A check reads the analysis options from the baseline; the dataset keeps its own load and matrix settings.</summary>
    private AnalyzeSettings AnalysisFromOptions(IReadOnlyDictionary<string, string> options) =>
        OptionMapping.Read(options, LoadSettings, MatrixSettings, AnalyzeSettings.Default).Analyze;

    /// <summary>The version every report records, without a source-revision suffix (as the CLI's), so reports do not change with each commit.</summary>
    internal static string LibraryVersion { get; } =
        (typeof(Dataset).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
         ?? typeof(Dataset).Assembly.GetName().Version?.ToString(3) ?? "0.0.0").Split('+')[0];

    /// <summary>A setting as a notebook gives it: the load-options method that sets it (only Rgb() changes the colour).</summary>
    private static string FluentName(string key) =>
        key == "color" ? "Rgb()" : key == "content_hash" ? "NoContentHash()" : string.Concat(key.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "()";

    public override string ToString() =>
        $"{Kind} dataset {Name} (matrix {MatrixSettings.Matrix}{(MatrixSettings.Standardize ? ", standardised" : "")}{(MatrixSettings.PerClass ? ", per class" : "")}, seed {LoadSettings.Seed})";
}
