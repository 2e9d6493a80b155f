namespace Spectra.Data.Hdf5;

/// <summary>A dataset of an HDF5 file as the finder saw it: its path, its shape and whether its elements are numbers Spectra reads.</summary>
internal sealed record Hdf5DatasetInfo(string Path, ulong[] Dimensions, Hdf5ElementKind? Element, string ElementDescription)
{
    public bool IsNumeric => Element is not null;

    /// <summary>"/fields/u (1000 × 32 × 32, float32)".</summary>
    public override string ToString() =>
        $"{Path} ({(Dimensions.Length == 0 ? "scalar" : string.Join(" × ", Dimensions.Select(d => d.ToString(CultureInfo.InvariantCulture))))}, {ElementDescription})";
}

/// <summary>
/// Lists the datasets of an HDF5 file, depth first in link order, to pick the one to read when none is
/// named and to name the candidates in an error. The walk is bounded: hard links may form cycles, and a
/// hostile file may claim any number of links.
/// </summary>
internal static class Hdf5DatasetFinder
{
    /// <summary>Objects looked at before the walk stops (a file with more is listed as far as this).</summary>
    public const int MaxObjects = 10_000;

    private const int MaxDepth = 32;

    public static List<Hdf5DatasetInfo> List(IH5Group root)
    {
        var found = new List<Hdf5DatasetInfo>();
        int seen = 0;
        Walk(root, "", 0, found, ref seen);
        return found;
    }

    public static Hdf5DatasetInfo Describe(IH5Dataset dataset, string path)
    {
        var space = dataset.Space;
        var dims = space.Type == H5DataspaceType.Simple ? space.Dimensions : Array.Empty<ulong>();
        var (kind, description) = Hdf5Element.Classify(dataset.Type);
        return new Hdf5DatasetInfo(path, dims, kind, description);
    }

    /// <summary>"/a/b" for "a/b", "/a/b/" and "//a//b", the form the finder lists paths in.</summary>
    public static string Normalize(string path) => "/" + string.Join("/", path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static void Walk(IH5Group group, string prefix, int depth, List<Hdf5DatasetInfo> found, ref int seen)
    {
        if (depth > MaxDepth) return;
        foreach (var child in group.Children())
        {
            if (++seen > MaxObjects) return;
            var path = prefix + "/" + child.Name;
            switch (child)
            {
                case IH5Dataset d:
                    found.Add(Describe(d, path));
                    break;
                case IH5Group g:
                    Walk(g, path, depth + 1, found, ref seen);
                    if (seen > MaxObjects) return;
                    break;
            }
        }
    }
}
