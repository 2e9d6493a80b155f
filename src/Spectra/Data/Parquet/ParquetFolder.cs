namespace Spectra.Data.Parquet;

/// <summary>The .parquet files of a dataset folder, in the order every reader takes them.</summary>
internal static class ParquetFolder
{
    /// <summary>
    /// The files below <paramref name="folder"/> in ordinal order of their relative paths. The walk enters each folder
    /// once, so a folder link loop ends it; names starting with '.' or '_' are a writer's metadata, not data.
    /// </summary>
    public static List<string> Files(string folder)
    {
        var files = FolderWalker.Walk(folder)
            .Where(p => p.EndsWith(".parquet", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith('_'))
            .Select(p => Path.Combine(folder, p))
            .ToList();
        if (files.Count == 0)
            throw new SpectraException(SpectraErrorKind.NotEnoughData, "the folder holds no .parquet files", folder, hint: "point at a Parquet file or a folder of them");
        return files;
    }
}
