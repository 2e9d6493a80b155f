using PureHDF.Selections;
using PureHDF.VOL.Native;

namespace Spectra.Data.Hdf5;

/// <summary>
/// One dataset of an HDF5 file as a stream of row chunks: an (M, d) dataset is a table of M samples of
/// d features, an (M, H, W) or (M, H, W, C) one M samples of H·W·C features in C order. The rows are read
/// as hyperslabs of a bounded number of rows, never the whole dataset, each converted to double.
/// </summary>
internal sealed class Hdf5Source : IDataSource, IRowCountHint
{
    /// <summary>
    /// Deflate's largest expansion (about 1032 : 1): a chunked dataset's stated size above this many times
    /// the file's length cannot be what the file holds, whatever its filters.
    /// </summary>
    private const double MaxExpansion = 1032;

    /// <summary>Most bytes the chunk cache may take; it holds the chunks one band of rows crosses, so each is decoded once.</summary>
    private const long MaxCacheBytes = 256L << 20;

    /// <summary>Most values one sample may hold: one row of doubles stays an ordinary array.</summary>
    private const int MaxFeatures = 1 << 26;

    private readonly string _path;
    private readonly string _displayName;
    private readonly Hdf5SourceOptions _options;
    private readonly Hdf5DatasetInfo _dataset;
    private readonly Hdf5ElementKind _element;
    private readonly long _rows;
    private readonly ulong[]? _chunks;
    private readonly double _bandChunkBytes;
    private readonly double _bandChunks;

    public Hdf5Source(string path, Hdf5SourceOptions? options = null)
    {
        _path = path;
        _displayName = Path.GetFileName(path);
        _options = options ?? new Hdf5SourceOptions();
        if (_options.MaxRows is <= 0)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"MaxRows must be positive, got {_options.MaxRows}");
        long fileLength = FileLength(path);
        using var file = OpenFile(path);
        var (dataset, info) = Guarded(() => Choose(file), null);
        _dataset = info;
        var dims = info.Dimensions;
        string where = "dataset " + info.Path;
        if (dims.Length is < 2 or > 4)
            throw SpectraException.Unsupported(dims.Length == 1
                    ? "a one-dimensional dataset is a list of values, not samples of features"
                    : dims.Length == 0 ? "the dataset is a single value, not samples of features" : $"a dataset of rank {dims.Length} has no reading as samples of features",
                path, where, "give an (M, d) table or (M, H, W[, C]) images, e.g. reshaped when it is written");
        _element = info.Element ?? throw SpectraException.Unsupported($"its elements are {info.ElementDescription}, not numbers", path, where,
            "give a dataset of floats or integers");
        if (dims[0] == 0) throw new SpectraException(SpectraErrorKind.NotEnoughData, "the dataset has no rows", path, where);
        double features = 1;
        foreach (var n in dims.Skip(1)) features *= n;
        if (features < 1 || features > MaxFeatures)
            throw new SpectraException(SpectraErrorKind.LimitExceeded, $"a sample of {Shape(dims.Skip(1))} holds {features:0} features, outside 1 … {MaxFeatures}",
                path, where, "give a dataset with fewer values per sample");
        _rows = dims[0] > long.MaxValue / 2 ? throw SpectraException.Invalid($"the dataset claims {dims[0]} rows", path, where) : (long)dims[0];
        Features = (int)features;

        // What the header states is checked against what the file can hold before anything is allocated.
        var layout = Guarded(() => dataset.Layout.Class, where);
        double stated = (double)_rows * Features * Hdf5Element.Size(_element);
        if (layout == H5DataLayoutClass.VirtualStorage)
            throw SpectraException.Unsupported("the dataset is a virtual dataset (a view of other files' datasets)", path, where, "copy it into a dataset of its own");
        double holds = layout == H5DataLayoutClass.Chunked ? MaxExpansion * fileLength : fileLength;
        if (stated > holds)
            throw SpectraException.Invalid($"the header states {Shape(dims)} {info.ElementDescription} values ({MemoryBudget.Format(stated)}), more than a file of " +
                $"{MemoryBudget.Format(fileLength)} can hold{(layout == H5DataLayoutClass.Chunked ? " even compressed" : "")}", path, where,
                "the file is truncated or its header is corrupt");
        if (layout == H5DataLayoutClass.Chunked)
        {
            var chunk = Guarded(() => dataset.Layout.Chunks, where);
            if (chunk.Length < dims.Length || chunk.Take(dims.Length).Any(c => c == 0))
                throw SpectraException.Invalid("the dataset's chunk shape does not match its rank", path, where);
            _chunks = chunk.Take(dims.Length).Select(c => (ulong)c).ToArray();
            double chunkBytes = Hdf5Element.Size(_element);
            foreach (var c in _chunks) chunkBytes *= c;
            // A chunk is decoded whole, from its stored bytes, whatever part of it a read needs.
            MemoryBudget.Current.Check(2 * chunkBytes, $"one chunk of the dataset ({Shape(_chunks)} values)", path);
            double band = 1;
            for (int k = 1; k < dims.Length; k++) band *= Math.Ceiling((double)dims[k] / _chunks[k]);
            _bandChunks = band;
            _bandChunkBytes = band * chunkBytes;
        }

        // One row read now: an element type or a filter the reader cannot decode fails when the input is opened, not mid-run.
        MemoryBudget.Current.Check((double)Features * (8 + Hdf5Element.Size(_element)), $"one row of dataset {info.Path}", path);
        ReadRows((NativeDataset)dataset, new H5DatasetAccess(), 0, 1, new double[Features], _element == Hdf5ElementKind.Float64 ? null : new byte[Features * Hdf5Element.Size(_element)]);

        var notes = new List<string>
        {
            $"dataset {info.Path}: {Shape(dims)} {info.ElementDescription}, " + (dims.Length == 2
                ? $"{_rows} samples of {Features} features"
                : $"{_rows} samples of {Shape(dims.Skip(1))} = {Features} features (C order)"),
        };
        if (_options.MaxRows is long k2 && k2 < _rows) notes.Add($"random subset of {k2} of {_rows} rows (seed {_options.Seed})");
        Header = new SourceHeader(path, "hdf5") { Notes = notes.ToArray() };
        FeatureNames = new ElementNames(info.Path, dims);
    }

    public int Features { get; }

    public SourceHeader Header { get; }

    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>The dataset read: its path, shape and element type.</summary>
    internal Hdf5DatasetInfo Dataset => _dataset;

    long IRowCountHint.ExpectedRows
    {
        get
        {
            var (start, end) = RowRange;
            return Math.Min(end - start, _options.MaxRows ?? long.MaxValue);
        }
    }

    private (long Start, long End) RowRange => _options.Shard is { } shard ? shard.Range(_rows) : (0, _rows);

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (maxRowsPerChunk <= 0) throw new ArgumentOutOfRangeException(nameof(maxRowsPerChunk));
        return Enumerate(maxRowsPerChunk, summary, progress, cancellationToken);
    }

    private IEnumerable<RowChunk> Enumerate(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress, CancellationToken ct)
    {
        int d = Features, elementSize = Hdf5Element.Size(_element);
        var sampler = new RowSampler(_rows, _options.MaxRows, _options.Seed);
        bool direct = _element == Hdf5ElementKind.Float64;
        // The buffers take at most a quarter of what the budget has left, the chunk cache another quarter:
        // the rest is the accumulators' and the consumer's.
        long share = MemoryBudget.Current.Available / 4;
        int rowsPerRead = RowsPerRead(maxRowsPerChunk, d, elementSize, direct, sampler.IsSampling, Math.Min(_options.ReadBytes, share));
        long cacheBytes = _bandChunks > 0 && _bandChunkBytes <= Math.Min(MaxCacheBytes, share) ? (long)_bandChunkBytes : 0;
        long bufferBytes = (long)rowsPerRead * d * (8L * (sampler.IsSampling ? 2 : 1) + (direct ? 0 : elementSize)) + cacheBytes;
        using var reservation = MemoryBudget.Current.Reserve(bufferBytes, $"the read buffers ({rowsPerRead} rows × {d} features of dataset {_dataset.Path})", _path);
        var values = new double[(long)rowsPerRead * d];
        var block = sampler.IsSampling ? new double[(long)rowsPerRead * d] : values;
        var raw = direct ? null : new byte[(long)rowsPerRead * d * elementSize];
        var keys = new long[rowsPerRead];
        var namer = new RowNamer(_displayName, _dataset.Path);
        var (start, end) = RowRange;
        sampler.Skip(start);
        using var file = OpenFile(_path);
        var dataset = Guarded(() => (NativeDataset)file.Dataset(_dataset.Path), "dataset " + _dataset.Path);
        // A cache that holds every chunk one band of rows crosses decodes each chunk once, however the reads cut the band.
        var access = new H5DatasetAccess(ChunkCache: cacheBytes > 0 ? new SimpleReadingChunkCache((int)_bandChunks, (ulong)cacheBytes) : null);
        int filled = 0;
        bool any = false;
        var kept = new List<int>(rowsPerRead);
        for (long r0 = start; r0 < end;)
        {
            ct.ThrowIfCancellationRequested();
            int n = (int)Math.Min(rowsPerRead, end - r0);
            if (!sampler.IsSampling)
            {
                ReadRows(dataset, access, r0, n, values.AsSpan(0, n * d), raw);
                for (int i = 0; i < n; i++) keys[i] = r0 + i;
                any = true;
                r0 += n;
                progress?.Report(new SpectraProgress("read", r0 - start, end - start));
                yield return new RowChunk(values, n, d, namer, keys) { Identities = keys };
                continue;
            }
            // Only the rows between the block's first and last drawn row are read; a block with none is not read.
            n = Math.Min(n, rowsPerRead - filled);
            kept.Clear();
            for (int i = 0; i < n; i++) if (sampler.Next()) kept.Add(i);
            if (kept.Count > 0)
            {
                int first = kept[0], span = kept[^1] - first + 1;
                ReadRows(dataset, access, r0 + first, span, block.AsSpan(0, span * d), raw);
                foreach (int i in kept)
                {
                    block.AsSpan((i - first) * d, d).CopyTo(values.AsSpan(filled * d, d));
                    keys[filled++] = r0 + i;
                }
                any = true;
            }
            r0 += n;
            progress?.Report(new SpectraProgress("read", r0 - start, end - start));
            if (filled == rowsPerRead || (filled > 0 && r0 >= end))
            {
                yield return new RowChunk(values, filled, d, namer, keys) { Identities = keys };
                filled = 0;
            }
        }
        if (any) summary.Contributed(_displayName);
        summary.Files = any ? 1 : 0;
    }

    /// <summary>Rows per hyperslab: within the chunk size asked for and the byte cap, whole chunk bands when the dataset is chunked.</summary>
    private int RowsPerRead(int maxRowsPerChunk, int d, int elementSize, bool direct, bool sampling, long byteCap)
    {
        double rowBytes = (double)d * (8 * (sampling ? 2 : 1) + (direct ? 0 : elementSize));
        long rows = (long)Math.Clamp(byteCap / rowBytes, 1, maxRowsPerChunk);
        if (_chunks is { } c && (long)c[0] < rows) rows -= rows % (long)c[0];
        var (start, end) = RowRange;
        return (int)Math.Max(1, Math.Min(rows, Math.Max(1, end - start)));
    }

    private void ReadRows(NativeDataset dataset, H5DatasetAccess access, long firstRow, int rows, Span<double> destination, byte[]? raw)
    {
        var dims = _dataset.Dimensions;
        var starts = new ulong[dims.Length];
        var blocks = (ulong[])dims.Clone();
        starts[0] = (ulong)firstRow;
        blocks[0] = (ulong)rows;
        var fileSelection = new HyperslabSelection(dims.Length, starts, blocks);
        var memorySelection = new HyperslabSelection(0, (ulong)destination.Length);
        ulong[] memoryDims = [(ulong)destination.Length];
        string location = rows == 1 ? $"dataset {_dataset.Path}, row {firstRow}" : $"dataset {_dataset.Path}, rows {firstRow}…{firstRow + rows - 1}";
        try
        {
            if (raw is null)
            {
                dataset.Read(access, destination, fileSelection, memorySelection, memoryDims);
                return;
            }
            var bytes = raw.AsSpan(0, destination.Length * Hdf5Element.Size(_element));
            switch (_element)
            {
                case Hdf5ElementKind.Float16: Convert(dataset, access, MemoryMarshal.Cast<byte, Half>(bytes), destination, fileSelection, memorySelection, memoryDims); break;
                case Hdf5ElementKind.Float32: Convert(dataset, access, MemoryMarshal.Cast<byte, float>(bytes), destination, fileSelection, memorySelection, memoryDims); break;
                case Hdf5ElementKind.Int8: Convert(dataset, access, MemoryMarshal.Cast<byte, sbyte>(bytes), destination, fileSelection, memorySelection, memoryDims); break;
                case Hdf5ElementKind.UInt8: Convert(dataset, access, bytes, destination, fileSelection, memorySelection, memoryDims); break;
                case Hdf5ElementKind.Int16: Convert(dataset, access, MemoryMarshal.Cast<byte, short>(bytes), destination, fileSelection, memorySelection, memoryDims); break;
                case Hdf5ElementKind.UInt16: Convert(dataset, access, MemoryMarshal.Cast<byte, ushort>(bytes), destination, fileSelection, memorySelection, memoryDims); break;
                case Hdf5ElementKind.Int32: Convert(dataset, access, MemoryMarshal.Cast<byte, int>(bytes), destination, fileSelection, memorySelection, memoryDims); break;
                case Hdf5ElementKind.UInt32: Convert(dataset, access, MemoryMarshal.Cast<byte, uint>(bytes), destination, fileSelection, memorySelection, memoryDims); break;
                case Hdf5ElementKind.Int64: Convert(dataset, access, MemoryMarshal.Cast<byte, long>(bytes), destination, fileSelection, memorySelection, memoryDims); break;
                default: Convert(dataset, access, MemoryMarshal.Cast<byte, ulong>(bytes), destination, fileSelection, memorySelection, memoryDims); break;
            }
        }
        catch (Exception e) when (IsReadFault(e))
        {
            throw Fault(e, _path, location);
        }
    }

    private static void Convert<T>(NativeDataset dataset, H5DatasetAccess access, Span<T> raw, Span<double> destination, Selection fileSelection,
        Selection memorySelection, ulong[] memoryDims) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        dataset.Read(access, raw, fileSelection, memorySelection, memoryDims);
        System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<T, double>(raw, destination);
    }

    /// <summary>The dataset named by the options, or the file's only numeric dataset of rank 2 or more.</summary>
    private (IH5Dataset Dataset, Hdf5DatasetInfo Info) Choose(NativeFile file)
    {
        if (_options.Dataset is { } given)
        {
            var p = Hdf5DatasetFinder.Normalize(given);
            IH5Object? found = p != "/" && file.LinkExists(p) ? file.Get(p) : null;
            if (found is IH5Dataset named) return (named, Hdf5DatasetFinder.Describe(named, p));
            var listed = Hdf5DatasetFinder.List(file);
            throw SpectraException.Naming(SpectraErrorKind.InvalidOption,
                found switch
                {
                    null => $"the file has no dataset '{p}' ({{dataset}})",
                    IH5Group => $"'{p}' is a group, not a dataset ({{dataset}})",
                    _ => $"'{p}' is not a dataset (a link that does not resolve, or a named type) ({{dataset}})",
                }, ["dataset"], _path,
                hint: Candidates(listed));
        }
        var all = Hdf5DatasetFinder.List(file);
        var numeric = all.Where(x => x.IsNumeric && x.Dimensions.Length >= 2).ToList();
        if (numeric.Count == 1) return ((IH5Dataset)file.Get(numeric[0].Path), numeric[0]);
        if (numeric.Count > 1)
            throw SpectraException.Naming(SpectraErrorKind.InvalidOption,
                $"the file holds {numeric.Count} numeric datasets: {string.Join(", ", numeric)}", ["dataset"], _path,
                hint: "give the one to read with {dataset}");
        throw new SpectraException(SpectraErrorKind.NotEnoughData, "the file holds no numeric dataset of rank 2 or more" +
            (all.Count > 0 ? ": " + string.Join(", ", all.Take(20)) : " (no dataset at all)"), _path,
            hint: "give an (M, d) table or (M, H, W[, C]) images of floats or integers");
    }

    private static string Candidates(List<Hdf5DatasetInfo> listed)
    {
        var numeric = listed.Where(x => x.IsNumeric).ToList();
        return numeric.Count == 0 ? "the file holds no numeric dataset" : "its numeric datasets: " + string.Join(", ", numeric.Take(20)) + (numeric.Count > 20 ? ", …" : "");
    }

    private static long FileLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot read the file: " + e.Message, path);
        }
    }

    private static NativeFile OpenFile(string path)
    {
        try
        {
            return H5File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not EndOfStreamException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot read the file: " + e.Message, path);
        }
        catch (Exception e) when (IsReadFault(e))
        {
            throw Fault(e, path, null);
        }
    }

    private T Guarded<T>(Func<T> read, string? location)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsReadFault(e))
        {
            throw Fault(e, _path, location);
        }
    }

    // Whatever the library throws on a malformed file (its own exceptions, a stream ending early, an index
    // out of range, a huge allocation) is the file's fault, told as one error naming the file.
    private static bool IsReadFault(Exception e) => e is not (SpectraException or OperationCanceledException);

    private static SpectraException Fault(Exception e, string path, string? location)
    {
        // The library names what it does not implement in its messages; the rest is a file it cannot make sense of.
        var message = e.Message;
        if (message.Contains("Byte order conversion", StringComparison.Ordinal))
            return new SpectraException(SpectraErrorKind.Unsupported, "its elements are big-endian, which the HDF5 reader does not convert", path, location,
                hint: "rewrite the dataset little-endian (numpy: a.astype('<f4'))", inner: e);
        if (message.Contains("filter", StringComparison.OrdinalIgnoreCase) && (message.Contains("Could not find", StringComparison.Ordinal) || message.Contains("not yet supported", StringComparison.Ordinal)))
            return new SpectraException(SpectraErrorKind.Unsupported, "its chunks use a filter the HDF5 reader does not decode (" + message.TrimEnd('.') + ")", path, location,
                hint: "rewrite the dataset with gzip or without compression (h5py: compression='gzip')", inner: e);
        return new SpectraException(SpectraErrorKind.InvalidInput, "not a readable HDF5 file: " + Reason(e), path, location,
            hint: "the file may be truncated or corrupt; check that it opens with h5dump or h5py", inner: e);
    }

    private static string Reason(Exception e) => e switch
    {
        EndOfStreamException => "it ends before the data its header points to",
        OutOfMemoryException or InsufficientExecutionStackException => "its structure claims more than it can hold",
        _ => e.Message.TrimEnd('.'),
    };

    private static string Shape(IEnumerable<ulong> dims) => string.Join(" × ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    // "sim.h5/fields/u#row 12" from the row's index in the dataset.
    private sealed class RowNamer(string file, string dataset) : IRowNamer
    {
        public string Name(long key) => string.Create(CultureInfo.InvariantCulture, $"{file}{dataset}#row {key}");
    }

    /// <summary>"u[3]" for a table's columns, "u[y,x]" or "u[y,x,c]" for an image's values, made when shown.</summary>
    private sealed class ElementNames(string dataset, ulong[] dims) : IReadOnlyList<string>
    {
        private readonly string _name = dataset[(dataset.LastIndexOf('/') + 1)..];

        public int Count { get; } = (int)dims.Skip(1).Aggregate(1UL, (a, b) => a * b);

        public string this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
                var at = new ulong[dims.Length - 1];
                ulong rest = (ulong)index;
                for (int k = dims.Length - 1; k >= 1; k--)
                {
                    at[k - 1] = rest % dims[k];
                    rest /= dims[k];
                }
                return _name + "[" + string.Join(",", at.Select(a => a.ToString(CultureInfo.InvariantCulture))) + "]";
            }
        }

        public IEnumerator<string> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
