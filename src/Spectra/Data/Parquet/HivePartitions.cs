namespace Spectra.Data.Parquet;

/// <summary>Hive-style partition values ("year=2024/label=cat/part-0.parquet") of a file below a root folder.</summary>
internal static class HivePartitions
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string root, string file)
    {
        var relative = Path.GetRelativePath(root, Path.GetDirectoryName(file) ?? root);
        var result = new List<KeyValuePair<string, string>>();
        if (relative == ".") return result;
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            int eq = segment.IndexOf('=');
            if (eq <= 0) continue;
            result.Add(new(segment[..eq], Uri.UnescapeDataString(segment[(eq + 1)..])));
        }
        return result;
    }
}
