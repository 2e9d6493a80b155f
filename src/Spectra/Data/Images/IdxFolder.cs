namespace Spectra.Data.Images;

/// <summary>
/// A folder an MNIST-style dataset unpacks into (<c>mnist-t10k/</c>: <c>t10k-images-idx3-ubyte.gz</c> and its labels
/// file beside it, perhaps a preview folder of PNGs). Its top-level IDX image files are the dataset: read with their
/// labels, and everything else in the folder passed over with a note, so that a preview of the same images does not
/// count twice. A folder with include globs is read as the globs say.
/// </summary>
internal static class IdxFolder
{
    /// <summary>The files of the walk the folder is read as, and a note on what was passed over (null when nothing was).</summary>
    public static (List<string> Files, string? Note) Select(string root, List<string> walked, ImageSourceOptions options)
    {
        if (options.Include.Count > 0) return (walked, null);
        var stacks = walked.Where(f => !f.Contains('/') && IdxLabels.IsImagesName(f)).ToList();
        if (stacks.Count == 0) return (walked, null);
        var labels = stacks.Select(f => IdxLabels.CompanionOf(Path.Combine(root, f))).OfType<string>().Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        // Notes such as a README were never images: only image files count as passed over.
        int passed = walked.Count(f => !stacks.Contains(f) && !labels.Contains(f) && ImageProbe.LooksLikeImage(f));
        return (stacks, passed == 0 ? null
            : $"{passed} image file(s) beside the IDX image file(s) passed over: the folder is read as its IDX stacks (name files with --include to read others)");
    }
}
