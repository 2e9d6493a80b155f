namespace Spectra.Data;

/// <summary>
/// Turns the PATH arguments of a command into one ordered list of files and folders: a quoted glob is
/// expanded here (not by the shell) so that the order is ordinal and the same on every machine, and a
/// file named twice is kept once, at its first place, so that it cannot weigh twice in the spectrum.
/// </summary>
internal static class InputPaths
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
            foreach (var path in Glob.IsPattern(argument) ? ExpandPattern(argument) : [argument])
                if (seen.Add(Path.GetFullPath(path))) result.Add(path);
        if (result.Count == 0)
            throw new SpectraException(SpectraErrorKind.InvalidOption, "no input path given", hint: "give one or more paths or quoted globs");
        return result;
    }

    /// <summary>How messages and reports name the input: the one path, or the first and how many more.</summary>
    public static string Describe(IReadOnlyList<string> paths) =>
        paths.Count == 1 ? paths[0] : $"{paths[0]} and {paths.Count - 1} more";

    /// <summary>The files a glob matches, below the longest leading part of it that has no wildcard.</summary>
    private static IEnumerable<string> ExpandPattern(string pattern)
    {
        var normal = pattern.Replace('\\', '/');
        int wildcard = normal.IndexOfAny(['*', '?']);
        int slash = normal.LastIndexOf('/', wildcard);
        var root = slash < 0 ? "." : slash == 0 ? "/" : normal[..slash];
        var rest = slash < 0 ? normal : normal[(slash + 1)..];
        if (!Directory.Exists(root))
            throw new SpectraException(SpectraErrorKind.Io, "no such folder for the glob", pattern, hint: "check the part of the pattern before the first wildcard");
        // A pattern without '/' after the root still means "in this folder", not "any file of this name below it".
        var glob = Glob.Path(rest.Contains('/') ? rest : "./" + rest);
        // The walk enters each folder once: a folder link loop cannot make the expansion endless.
        var matches = FolderWalker.Walk(root)
            .Where(relative => rest.Contains('/') ? glob.IsMatch(relative) : glob.IsMatch("./" + relative))
            .Select(relative => Path.Combine(root, relative))
            .ToList();
        if (matches.Count == 0)
            throw new SpectraException(SpectraErrorKind.Io, "the glob matches no file", pattern, hint: "check the pattern; quote it so that Spectra, not the shell, expands it");
        return matches;
    }
}
