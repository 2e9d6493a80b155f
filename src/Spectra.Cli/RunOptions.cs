using System.CommandLine;
using System.CommandLine.Parsing;
using Spectra.Fluent;

namespace Spectra.Cli;

/// <summary>
/// The input and analysis options shared by analyze, baseline and check, created once per command.
/// Names follow the library: --matrix covariance|gram|auto, --color gray|rgb, --k-top, --unfolding…
/// </summary>
public sealed class RunOptions
{
    public Argument<string> Path { get; } = new("PATH") { Description = "An image folder, a Parquet file or folder, a .npy/.npz file or an IDX file" };

    public Option<string> Matrix { get; } = Choice("--matrix", "auto", "Which matrix's spectrum: covariance (d × d), gram (M × M) or auto (the smaller)", "covariance", "gram", "auto");
    public Option<string> Color { get; } = Choice("--color", "gray", "Images: gray (luma) or rgb (three features per pixel)", "gray", "rgb");
    public Option<string?> Resize { get; } = new("--resize") { Description = "Images: resize every image to WIDTHxHEIGHT (e.g. 28x28)", HelpName = "WxH" };
    public Option<string[]> Include { get; } = new("--include") { HelpName = "GLOB", Description = "Images: only files matching these globs", AllowMultipleArgumentsPerToken = true };
    public Option<string[]> Exclude { get; } = new("--exclude") { HelpName = "GLOB", Description = "Images: leave out files matching these globs", AllowMultipleArgumentsPerToken = true };
    public Option<string[]> Columns { get; } = new("--columns") { HelpName = "COLUMN", Description = "Parquet: the numeric or list columns to analyse (default: every numeric column but row ids, strictly increasing integers)", AllowMultipleArgumentsPerToken = true };
    public Option<string?> ListColumn { get; } = new("--list-column") { HelpName = "COLUMN", Description = "Parquet: a list or fixed-size-list column expanded into d features (embeddings)" };
    public Option<string?> LabelColumn { get; } = new("--label-column") { HelpName = "COLUMN", Description = "Parquet: a column holding each row's class label (never a feature)" };
    public Option<string> Nulls { get; } = Choice("--nulls", "error", "Parquet: what a null in a selected column does: error, drop-row or mean-impute", "error", "drop-row", "mean-impute");
    public Option<int?> MaxSamples { get; } = new("--max-samples") { Description = "Use at most N samples, a random subset chosen with --seed", HelpName = "N" };
    public Option<int> Seed { get; } = new("--seed") { HelpName = "SEED", Description = "Seed of every random choice (subsets, realisations, bootstrap)", DefaultValueFactory = _ => 0 };
    public Option<bool> SkipInvalid { get; } = new("--skip-invalid") { Description = "Pass over unreadable files and list them in the report instead of stopping" };
    public Option<bool> NoContentHash { get; } = new("--no-content-hash") { Description = "Parquet: skip the XXH128 of every input byte (a second read of each file); the report's content hash is then null" };
    public Option<bool> NoCenter { get; } = new("--no-center") { Description = "Do not centre the features (centring is on by default)" };
    public Option<bool> Standardize { get; } = new("--standardize") { Description = "Scale every feature to unit variance (a correlation matrix); zero-variance features are dropped and reported" };
    public Option<bool> DropNonFinite { get; } = new("--drop-non-finite") { Description = "Drop rows holding NaN or infinity (and count them) instead of stopping" };
    public Option<int> Threads { get; } = new("--threads") { HelpName = "N", Description = "Native linear-algebra threads (0: the library's default)", DefaultValueFactory = _ => 0 };
    public Option<int> KTop { get; } = new("--k-top") { HelpName = "K", Description = "Bulk trimming: the largest eigenvalues left out of the bulk", DefaultValueFactory = _ => 10 };
    public Option<int> KBottom { get; } = new("--k-bottom") { HelpName = "K", Description = "Bulk trimming: the smallest non-zero eigenvalues left out of the bulk", DefaultValueFactory = _ => 10 };
    public Option<string> Unfolding { get; } = Choice("--unfolding", "log-polynomial", "Unfolding: a polynomial in ln λ, a polynomial in λ, or a Gaussian kernel", "log-polynomial", "polynomial", "kernel");
    public Option<int> UnfoldingDegree { get; } = new("--unfolding-degree") { HelpName = "DEGREE", Description = "Degree of the unfolding polynomial", DefaultValueFactory = _ => 9 };
    public Option<int> SffRealisations { get; } = new("--sff-realisations") { HelpName = "R", Description = "Random half-subsamples of the rows the spectral form factor averages over", DefaultValueFactory = _ => 8 };

    public Option<int?> StartRank { get; } = new("--start-rank") { HelpName = "RANK", Description = "Power-law fit: first rank (1-based, largest first; default k_top + 1)" };
    public Option<int?> EndRank { get; } = new("--end-rank") { HelpName = "RANK", Description = "Power-law fit: last rank (default n/2)" };
    public Option<int> ReferenceDraws { get; } = new("--reference-draws") { HelpName = "N", Description = "GOE and Poisson draws of the data's size for the finite-size references (0: asymptotic values only)", DefaultValueFactory = _ => 10 };
    public Option<double> Eta { get; } = new("--eta") { HelpName = "ETA", Description = "Spectral form factor: width of the Gaussian filter in units of the levels' spread", DefaultValueFactory = _ => 0.5 };

    private IEnumerable<Option> All() => new Option[]
    {
        Matrix, Color, Resize, Include, Exclude, Columns, ListColumn, LabelColumn, Nulls, MaxSamples, Seed, SkipInvalid, NoContentHash,
        NoCenter, Standardize, DropNonFinite, Threads, KTop, KBottom, Unfolding, UnfoldingDegree, SffRealisations,
        StartRank, EndRank, ReferenceDraws, Eta,
    };

    public void AddTo(Command command)
    {
        command.Add(Path);
        foreach (var o in All()) command.Add(o);
    }

    public RunSettings Read(ParseResult p)
    {
        var size = ResizeSize(p);
        return new()
        {
            Path = p.GetValue(Path) ?? "",
            Load = new LoadSettings
            {
                Color = p.GetValue(Color)!, ResizeWidth = size?.Width, ResizeHeight = size?.Height, SkipInvalid = p.GetValue(SkipInvalid),
                Include = p.GetValue(Include) ?? Array.Empty<string>(), Exclude = p.GetValue(Exclude) ?? Array.Empty<string>(),
                Columns = (p.GetValue(Columns) ?? Array.Empty<string>()).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
                ListColumn = p.GetValue(ListColumn), LabelColumn = p.GetValue(LabelColumn), Nulls = p.GetValue(Nulls)!,
                MaxSamples = p.GetValue(MaxSamples), Seed = p.GetValue(Seed), ContentHash = !p.GetValue(NoContentHash),
            },
            Matrix = new MatrixSettings
            {
                Matrix = p.GetValue(Matrix)!, Threads = p.GetValue(Threads),
                Center = !p.GetValue(NoCenter), Standardize = p.GetValue(Standardize), DropNonFinite = p.GetValue(DropNonFinite),
            },
            Analyze = new AnalyzeSettings
            {
                KTop = p.GetValue(KTop), KBottom = p.GetValue(KBottom),
                Unfolding = p.GetValue(Unfolding)!, UnfoldingDegree = p.GetValue(UnfoldingDegree),
                StartRank = p.GetValue(StartRank), EndRank = p.GetValue(EndRank),
                SffRealisations = p.GetValue(SffRealisations), Eta = p.GetValue(Eta), ReferenceDraws = p.GetValue(ReferenceDraws),
            },
        };
    }

    /// <summary>
    /// The settings with every option the user did not give taken from a baseline's option map, so
    /// that a check computes today's metrics exactly as the baseline's were computed.
    /// </summary>
    public RunSettings ReadWithDefaults(ParseResult p, IReadOnlyDictionary<string, string> baseline)
    {
        var s = Read(p);
        var given = All().Where(o => p.GetResult(o) is { Implicit: false }).Select(o => Key(o.Name)).ToHashSet(StringComparer.Ordinal);
        var (load, matrix, analyze) = OptionMapping.Read(baseline, s.Load, s.Matrix, s.Analyze, given.Contains);
        return s with { Load = load, Matrix = matrix, Analyze = analyze };
    }

    /// <summary>A setting's key (the option map's name) as the command line spells it: k_top → --k-top.</summary>
    // Options that switch a default off are spelled "--no-…"; their keys name what they switch.
    public static string Spell(string key) => key is "center" or "content_hash" ? "--no-" + key.Replace('_', '-') : "--" + key.Replace('_', '-');

    private static string Key(string option) => option is "--no-center" or "--no-content-hash" ? option[5..].Replace('-', '_') : option.TrimStart('-').Replace('-', '_');

    private (int Width, int Height)? ResizeSize(ParseResult p) => p.GetValue(Resize) is { } text
        ? LoadSettings.ParseResize(text) ?? throw new SpectraException(SpectraErrorKind.InvalidOption, $"--resize '{text}' is not WIDTHxHEIGHT", hint: "e.g. --resize 28x28")
        : null;

    private static Option<string> Choice(string name, string fallback, string description, params string[] values)
    {
        var o = new Option<string>(name) { Description = description, DefaultValueFactory = _ => fallback };
        o.AcceptOnlyFromAmong(values);
        return o;
    }
}
