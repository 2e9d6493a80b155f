using Spectra.Data;
using Spectra.Fluent;

namespace Spectra.Cli;

/// <summary>
/// Everything one run reads from the command line: the path and the library's own settings, so the CLI
/// and the fluent API share one model (and one option map, one validation, one way to open a source).
/// </summary>
public sealed record RunSettings
{
    public required string Path { get; init; }
    public LoadSettings Load { get; init; } = LoadSettings.Default;
    public MatrixSettings Matrix { get; init; } = MatrixSettings.Default;
    public AnalyzeSettings Analyze { get; init; } = AnalyzeSettings.Default;

    /// <summary>The options that change the numbers, by name, in invariant text (what a baseline records and a check repeats).</summary>
    public SortedDictionary<string, string> ToOptionMap() => OptionMapping.Write(Load, Matrix, Analyze);

    /// <summary>The source the path holds; an option that does not apply to its kind is an error.</summary>
    public IDataSource Open() => DataInput.Open(Path, Load, RunOptions.Spell);
}
