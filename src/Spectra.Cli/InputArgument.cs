namespace Spectra.Cli;

/// <summary>The PATH arguments of a command as given (paths and quoted globs, expanded where the input is opened).</summary>
public sealed record InputArgument(IReadOnlyList<string> Paths)
{
    /// <summary>How output names the input: the one path, or the first and how many more.</summary>
    public string Display => Paths.Count == 0 ? "" : InputPaths.Describe(Paths);

    /// <summary>The one path of a command that reads a single input.</summary>
    public string One(string command) => Paths.Count == 1 && !Glob.IsPattern(Paths[0])
        ? Paths[0]
        : throw new SpectraException(SpectraErrorKind.InvalidOption, $"`spectra {command}` takes one input path, not {(Paths.Count == 1 ? "a glob" : $"{Paths.Count} paths")}", Display,
            hint: "give one image folder, Parquet file or folder, array or IDX file");
}
