namespace Spectra.Data.Parquet;

/// <summary>
/// One file of a Parquet input, in read order: where it is, how rows from it are named, the Hive partitions its
/// path gives, and its row groups' sizes from the footer (read once, when the input's files are found).
/// </summary>
internal sealed record ParquetInputFile(string Path, string DisplayName, IReadOnlyList<KeyValuePair<string, string>> Partitions, long Rows)
{
    public int Index { get; init; }

    /// <summary>Rows of each row group, from the footer.</summary>
    public long[] GroupRows { get; init; } = [];

    /// <summary>The index of the file's first row group among every file's row groups, in read order.</summary>
    public long FirstGroup { get; init; }

    /// <summary>The files of every path in order; a file reached twice (named, and inside a folder named) is read once.</summary>
    public static List<ParquetInputFile> Discover(IReadOnlyList<string> paths, Func<string, IParquetReader> open)
    {
        var files = new List<ParquetInputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long groups = 0;
        foreach (var path in paths)
            foreach (var (file, display, partitions) in FilesOf(path, naming: paths.Count > 1))
            {
                if (!seen.Add(System.IO.Path.GetFullPath(file))) continue;
                using var f = open(file);
                var rows = RowGroupSizes(f);
                files.Add(new ParquetInputFile(file, display, partitions, f.RowCount) { Index = files.Count, GroupRows = rows, FirstGroup = groups });
                groups += rows.Length;
            }
        return files;
    }

    /// <param name="naming">Several paths: a file is named by its path as given (inside a folder, that folder's path and its own), so that names stay apart.</param>
    private static IEnumerable<(string File, string Display, IReadOnlyList<KeyValuePair<string, string>> Partitions)> FilesOf(string path, bool naming)
    {
        if (File.Exists(path))
        {
            yield return (path, naming ? path : System.IO.Path.GetFileName(path), Array.Empty<KeyValuePair<string, string>>());
            yield break;
        }
        if (!Directory.Exists(path))
            throw new SpectraException(SpectraErrorKind.Io, "no such file or folder", path, hint: "check the path");
        var paths = ParquetFolder.Files(path);
        foreach (var p in paths)
        {
            var relative = System.IO.Path.GetRelativePath(path, p).Replace('\\', '/');
            yield return (p, naming ? System.IO.Path.Combine(path, relative) : relative, HivePartitions.Parse(path, p));
        }
    }

    private static long[] RowGroupSizes(IParquetReader f) => Enumerable.Range(0, f.RowGroupCount).Select(g => f.RowGroupRows(g)).ToArray();
}
