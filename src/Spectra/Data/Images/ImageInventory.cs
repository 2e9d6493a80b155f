namespace Spectra.Data.Images;

/// <summary>
/// What an image input holds, known before a pixel is decoded: its readable files in walk order, each with its
/// header and label; the rows (file, image in the file) one read yields after the seeded subset and the shard;
/// the common image size; and what was noted or skipped on the way. Every header is read here, so the feature
/// count and any size mismatch are errors before the first decode.
/// </summary>
internal sealed class ImageInventory
{
    public required IReadOnlyList<ProbedFile> Files { get; init; }
    /// <summary>Each file's place in the folder's full sorted walk (with <see cref="WalkOffset"/>, the first file of a shard's).</summary>
    public required IReadOnlyList<int> WalkIndex { get; init; }
    public int WalkOffset { get; init; }
    public required IReadOnlyList<(int File, int Image)> Rows { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    /// <summary>"images" for a folder, else the single file's kind (image, npy, npz, idx).</summary>
    public required string Kind { get; init; }
    public required string[] Notes { get; init; }
    public required SkippedItem[] Skipped { get; init; }

    /// <summary>Walks <paramref name="path"/> (a folder or one file) and reads every header.</summary>
    public static ImageInventory Take(string path, ImageSourceOptions options)
    {
        bool folder = Directory.Exists(path);
        if (!folder && !File.Exists(path)) throw new SpectraException(SpectraErrorKind.Io, "no such file or folder", path);
        var limits = options.Limits;
        var relatives = folder ? FolderWalker.Walk(path, options.Include, options.Exclude) : [""];
        string? idxNote = null;
        int walkOffset = 0;
        if (folder) (relatives, idxNote) = IdxFolder.Select(path, relatives, options);
        if (folder && relatives.Count == 0)
            throw SpectraException.Invalid("the folder holds no files" + (options.Include.Count + options.Exclude.Count > 0 ? " matching the include/exclude globs" : ""), path);
        if (folder && options.Shard is { } shard)
        {
            if (options.MaxSamples is not null)
                throw new SpectraException(SpectraErrorKind.InvalidOption, "a random subset (max samples) of a sharded folder would need every shard to read every file's header", path,
                    hint: "leave out --max-samples, or pick the subset of files with --include/--exclude");
            var (start, end) = shard.Range(relatives.Count);
            if (start == end) throw EmptyShard(shard, relatives.Count, "files", path);
            walkOffset = (int)start;
            relatives = relatives.GetRange((int)start, (int)(end - start));
        }

        var probed = new ProbedFile?[relatives.Count];
        var cache = new FileCache(options.CacheBytes);
        var errors = new SpectraException?[relatives.Count];
        Parallel.For(0, relatives.Count, options.Parallelism(), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (i) =>
        {
            try
            {
                probed[i] = ImageProbe.Probe(path, relatives[i], limits, folder, cache);
            }
            catch (SpectraException e)
            {
                errors[i] = e;
            }
        });
        var kind = folder ? "images" : KindOf(probed[0], errors[0]);
        var notes = new List<string>();
        if (idxNote is not null) notes.Add(idxNote);
        var invalid = new List<SkippedItem>();
        var files = new List<ProbedFile>();
        var walkIndex = new List<int>();
        int ignored = Collect(relatives, probed, errors, invalid, options.SkipInvalid, files, walkIndex);
        if (ignored > 0) notes.Add($"{ignored} file(s) of other formats ignored");
        if (files.Count == 0)
            throw SpectraException.Invalid(invalid.Count > 0 ? $"no readable image: all {invalid.Count} image file(s) were invalid" : "no supported image file (PNG, JPEG, Netpbm, BMP, NPY, NPZ, IDX)", path);
        if (options.LabelPattern is { } labelPattern)
        {
            if (!folder)
                throw SpectraException.Naming(SpectraErrorKind.InvalidOption, "{label_pattern} names the classes of a folder's files; this is one file", ["label_pattern"], path,
                    hint: "leave it out, or give the folder");
            var pattern = new LabelPattern(labelPattern);
            for (var i = 0; i < files.Count; i++) files[i] = files[i] with { Label = pattern.LabelOf(files[i].RelativePath, path) };
            notes.Add($"class labels from the file names ('{labelPattern}')");
        }

        int width, height;
        if (options.ResizeWidth is int rw && options.ResizeHeight is int rh) (width, height) = (rw, rh);
        else if (SameSize(files))
            (width, height) = (files[0].Header.Width, files[0].Header.Height);
        else
        {
            var sizes = files.GroupBy(f => (f.Header.Width, f.Header.Height)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
            if (sizes.Count > 1)
                throw SpectraException.Invalid("the images have different sizes: " +
                    string.Join(", ", sizes.Select(g => $"{g.Key.Width}×{g.Key.Height} ({g.Count()} file{(g.Count() == 1 ? "" : "s")}, e.g. {g.First().RelativePath})")),
                    path, hint: "resize them to one size (--resize 28x28 on the command line) or select one size with include/exclude globs");
            (width, height) = sizes[0].Key;
        }
        // Gray is the default, so a colour dataset read as luma is said, not left for the reader to guess from d.
        long colour = files.Where(f => f.Header.Channels >= 3).Sum(f => (long)f.Header.Count);
        if (options.Color == ImageColorMode.Gray && colour > 0)
            notes.Add($"{colour} colour image(s) read as luma, one feature per pixel (--color rgb on the command line keeps red, green and blue)");
        for (var i = 0; i < files.Count; i++)
            if (files[i].Codec is Codecs.IdxCodec && IdxLabels.CompanionOf(files[i].FullPath) is { } labelsFile)
            {
                files[i] = files[i] with { ImageLabels = IdxLabels.Read(labelsFile, files[i].Header.Count) };
                notes.Add($"class labels from {Path.GetFileName(labelsFile)}");
            }

        long images = files.Sum(f => (long)f.Header.Count);
        // A gzipped stack of 1 × 1 images can claim 10⁹ of them in a megabyte: the list of rows is sized from that.
        MemoryBudget.Current.Check(16.0 * images, $"the list of {images} images", path);
        if (images > Array.MaxLength) throw new SpectraException(SpectraErrorKind.LimitExceeded, $"the input holds {images} images, more than one read can list", path);
        var rows = AllRows(files);
        if (rows.Count == 0) throw SpectraException.Invalid("the input holds no image (every stack is empty)", path);
        var kept = Subset(rows, options.MaxSamples, options.Seed);
        if (kept.Count < rows.Count) notes.Add($"{kept.Count} of {rows.Count} images, a random subset (seed {options.Seed})");
        if (!folder && options.Shard is { } rowShard)
        {
            var (start, end) = rowShard.Range(kept.Count);
            if (start == end) throw EmptyShard(rowShard, kept.Count, "images", path);
            kept = kept.GetRange((int)start, (int)(end - start));
        }
        return new ImageInventory
        {
            Files = files, WalkIndex = walkIndex, WalkOffset = walkOffset, Rows = kept, Width = width, Height = height,
            Kind = kind, Notes = notes.ToArray(), Skipped = invalid.ToArray(),
        };
    }

    private static SpectraException EmptyShard(ShardSelection shard, long units, string what, string path) =>
        new(SpectraErrorKind.InvalidOption, $"shard {shard} holds none of the input's {units} {what}", path,
            hint: $"use at most {units} shards");

    // The loops over every file live in small methods compiled optimised at once: inside
    // Take they would run unoptimised and then recompile the whole constructor on the fly.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Collect(List<string> relatives, ProbedFile?[] probed, SpectraException?[] errors, List<SkippedItem> invalid, bool skipInvalid,
        List<ProbedFile> files, List<int> walkIndex)
    {
        int ignored = 0;
        for (int i = 0; i < relatives.Count; i++)
        {
            if (errors[i] is { } e)
            {
                if (!skipInvalid) throw e;
                invalid.Add(new SkippedItem(relatives[i], e.Reason));
            }
            else if (probed[i] is { } p)
            {
                files.Add(p);
                walkIndex.Add(i);
            }
            else ignored++;
        }
        return ignored;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SameSize(List<ProbedFile> files)
    {
        var first = files[0].Header;
        foreach (var f in files)
            if (f.Header.Width != first.Width || f.Header.Height != first.Height) return false;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<(int File, int Image)> AllRows(List<ProbedFile> files)
    {
        var rows = new List<(int, int)>(files.Count);
        for (int f = 0; f < files.Count; f++)
            for (int k = 0; k < files[f].Header.Count; k++) rows.Add((f, k));
        return rows;
    }

    private static string KindOf(ProbedFile? p, SpectraException? e) => e is not null ? "image" : p?.Codec.Name switch
    {
        "NPY" => "npy",
        "NPZ" => "npz",
        "IDX" => "idx",
        _ => "image",
    };

    /// <summary>A seeded random subset, kept in file order (partial Fisher–Yates over the row indices).</summary>
    private static List<(int, int)> Subset(List<(int, int)> rows, int? max, int seed)
    {
        if (max is null || max >= rows.Count) return rows;
        var rng = new Random(seed);
        var idx = Enumerable.Range(0, rows.Count).ToArray();
        for (int i = 0; i < max; i++)
        {
            int j = rng.Next(i, idx.Length);
            (idx[i], idx[j]) = (idx[j], idx[i]);
        }
        Array.Sort(idx, 0, max.Value);
        return idx.Take(max.Value).Select(i => rows[i]).ToList();
    }
}
