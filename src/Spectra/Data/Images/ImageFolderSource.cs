using OpenedFile = (Spectra.Data.Images.IImageStack? Stack, System.ReadOnlyMemory<byte> Bytes, Spectra.SpectraException? Error);

namespace Spectra.Data.Images;

/// <summary>
/// Images from a folder (walked recursively in sorted order; the first subfolder is each row's label)
/// or from one file (an image, an NPY/NPZ stack, an IDX file). Every header is read when the source is
/// created, so the feature count and any size mismatch are known before a pixel is decoded. Reading
/// decodes a chunk of files in parallel and writes their rows in file order, so memory is bounded by
/// the chunk, not by the number of images.
/// </summary>
internal sealed class ImageFolderSource : IDataSource, IRowCountHint, IImageShaped
{
    private readonly ImageSourceOptions _options;
    private readonly IReadOnlyList<ProbedFile> _files;
    // Each file's place in the folder's full sorted walk: with the image's index in the file, a row's stable identity.
    private readonly IReadOnlyList<int> _walkIndex;
    private readonly int _walkOffset;
    private readonly IReadOnlyList<(int File, int Image)> _rows;
    private readonly PixelConverter _converter;
    private readonly int _width, _height;
    private IReadOnlyList<string>? _names;

    public ImageFolderSource(string path, ImageSourceOptions? options = null)
    {
        _options = options ?? new ImageSourceOptions();
        _options.Validate();
        var inventory = ImageInventory.Take(path, _options);
        (_files, _walkIndex, _walkOffset, _rows) = (inventory.Files, inventory.WalkIndex, inventory.WalkOffset, inventory.Rows);
        (_width, _height) = (inventory.Width, inventory.Height);
        _converter = new PixelConverter(_options);
        Features = _converter.FeaturesFor(_width, _height);
        CheckDecodeMemory();
        Header = new SourceHeader(path, inventory.Kind) { Notes = inventory.Notes, Skipped = inventory.Skipped };
        WarmUp();
    }

    /// <summary>The decoders working at once on the largest image must fit in the run's memory budget (checked before the first decode).</summary>
    private void CheckDecodeMemory()
    {
        var largest = _files[0];
        foreach (var f in _files)
            if ((long)f.Header.Width * f.Header.Height * f.Header.Channels > (long)largest.Header.Width * largest.Header.Height * largest.Header.Channels) largest = f;
        var h = largest.Header;
        int decoders = Math.Min(_files.Count, _options.Parallelism().MaxDegreeOfParallelism);
        // Resizing holds the source image as doubles too (PixelConverter: one plane, and an interleaved
        // copy when the rows have several channels) beside the decode's own buffers.
        int channels = _converter.FeaturesFor(1, 1);
        double resize = h.Width != _width || h.Height != _height ? 8.0 * h.Width * h.Height * (channels == 1 ? 1 : channels + 1) : 0;
        MemoryBudget.Current.Check(decoders * (StoredSize.DecodeBytes(h) + resize),
            $"decoding {decoders} image(s) of {h.Width}×{h.Height} at once", largest.FullPath);
    }

    private const int WarmUpMinimumImages = 64, WarmUpMaximumFeatures = 1 << 18;

    /// <summary>
    /// Decodes the first image once on a pool thread, result discarded, so that the decoder's hot methods
    /// are compiled while the caller sets up (linear-algebra backend, accumulators, chunk buffers) rather
    /// than on the first chunk's critical path: for 10 000 small JPEGs that compilation is about 50 ms.
    /// </summary>
    private void WarmUp()
    {
        // Worth it only for many small images; a large one would hold a second row of its size.
        if (_rows.Count < WarmUpMinimumImages || Features > WarmUpMaximumFeatures) return;
        var first = _files[_rows[0].File];
        if (first.Header.Count != 1 || first.Codec is not SingleImageCodec single) return;
        var limits = _options.Limits;
        _ = Task.Run(() =>
        {
            try
            {
                var row = new double[Features];
                DecodeInto(DecodeSingle(single, ReadFile(first, limits).Data.Span, limits), row);
            }
            catch (Exception e) when (e is SpectraException || DecoderFault.IsDataFault(e))
            {
                // The read reports it, with the file's name, when it reaches the file.
            }
        });
    }

    private const long ChunkBytes = 16L << 20;

    public int Features { get; }

    /// <summary>Number of rows one full read yields (fewer if files are skipped while decoding).</summary>
    public int Count => _rows.Count;

    long IRowCountHint.ExpectedRows => Count;

    public int ImageWidth => _width;
    public int ImageHeight => _height;

    public SourceHeader Header { get; }

    public ImageShape Shape => new(_width, _height, _options.ChannelsPerPixel);

    public IReadOnlyList<string>? FeatureNames => _names ??= new PixelNames(_width, _height, _options);

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (maxRowsPerChunk <= 0) throw new ArgumentOutOfRangeException(nameof(maxRowsPerChunk));
        // Chunks of at most ~16 MB (or 64 rows) even when more rows are allowed: memory stays bounded by
        // two chunks (one decoding ahead). Much smaller chunks cost the consumer: the covariance of 10 000 rows × 1024 features
        // accumulated in 0.26 s from chunks of 1024 rows, 0.21 s from chunks of 2048.
        // The floor of 64 rows gives way when 64 rows of a large image would take a sizeable share of the memory budget.
        long rowBytes = 8L * Features;
        var budget = MemoryBudget.Current;
        long floor = Math.Clamp(budget.Available / 8 / rowBytes, 1, 64);
        maxRowsPerChunk = (int)Math.Max(1, Math.Min(Math.Min(maxRowsPerChunk, Array.MaxLength / Features), Math.Max(floor, ChunkBytes / rowBytes)));
        var limits = _options.Limits;
        using var hash = new BatchedHash();
        var contributed = new HashSet<int>();
        var skipped = new List<SkippedItem>();
        var open = new Dictionary<int, OpenedFile>();
        // Two buffers, used in turn (RowChunk allows reuse): chunk k + 1 decodes into one while the
        // consumer works on chunk k in the other, so decoding overlaps the covariance update.
        int capacity = Math.Min(maxRowsPerChunk, _rows.Count);
        var buffers = new (double[] Values, SpectraException?[] Errors, OpenedFile[] Singles)[_rows.Count > maxRowsPerChunk ? 2 : 1];
        using var reserved = budget.Reserve(buffers.Length * capacity * rowBytes,
            $"{buffers.Length} chunk buffer(s) of {capacity} image(s) of {_width}×{_height} ({Features} features each)", Header.Path);
        for (int i = 0; i < buffers.Length; i++)
            buffers[i] = (PrefaultedArray.Create<double>(capacity * Features), new SpectraException?[capacity], new OpenedFile[capacity]);

        // Stacks (NPY, NPZ, IDX) are opened once and stay open while their rows span chunks; a single
        // image is read, decoded and written by the worker that handles its row, in one parallel pass.
        void Prepare(int start, int n)
        {
            foreach (var key in open.Keys.Where(k => k < _rows[start].File).ToList()) open.Remove(key);
            foreach (var f in Enumerable.Range(start, n).Select(r => _rows[r].File).Distinct())
                if (_files[f].Header.Count > 1 && !open.ContainsKey(f)) open[f] = OpenFile(_files[f], limits);
        }

        void Decode(int start, int n, (double[] Values, SpectraException?[] Errors, OpenedFile[] Singles) into)
        {
            var (values, errors, singles) = into;
            Array.Clear(errors, 0, n);
            Array.Clear(singles, 0, n);
            Parallel.For(0, n, _options.Parallelism(), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r) =>
            {
                var (f, k) = _rows[start + r];
                var file = _files[f];
                try
                {
                    DecodedImage image;
                    if (file.Header.Count == 1 && file.Codec is SingleImageCodec single)
                    {
                        // Decoded into this thread's scratch and written to the row at once: no per-file arrays.
                        var (raw, data) = ReadFile(file, limits);
                        singles[r] = (null, raw, null);
                        image = DecodeSingle(single, data.Span, limits);
                    }
                    else
                    {
                        var (stack, _, error) = file.Header.Count > 1 ? open[f] : singles[r] = OpenFile(file, limits);
                        if (error is not null)
                        {
                            errors[r] = error;
                            return;
                        }
                        image = stack!.Decode(k);
                    }
                    DecodeInto(image, values.AsSpan(r * Features, Features));
                }
                catch (SpectraException e)
                {
                    errors[r] = e.WithFile(file.RelativePath);
                }
                catch (Exception e) when (DecoderFault.IsDataFault(e))
                {
                    errors[r] = DecoderFault.ToError(e, file.Codec.Name).WithFile(file.RelativePath);
                }
            });
        }

        Task? ahead = null;
        try
        {
            for (int start = 0, turn = 0; start < _rows.Count; start += maxRowsPerChunk, turn++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int n = Math.Min(maxRowsPerChunk, _rows.Count - start);
                var current = buffers[turn % buffers.Length];
                if (ahead is not null)
                {
                    var pending = ahead;
                    ahead = null;
                    pending.GetAwaiter().GetResult();
                }
                else
                {
                    Prepare(start, n);
                    Decode(start, n, current);
                }

                var ids = new string[n];
                var labels = new string?[n];
                var identities = new long[n];
                int kept = Compact(start, n, current.Values, current.Errors, current.Singles, open, hash, contributed, skipped, ids, labels, identities, summary);
                int next = start + maxRowsPerChunk;
                if (next < _rows.Count && buffers.Length > 1)
                {
                    int nextRows = Math.Min(maxRowsPerChunk, _rows.Count - next);
                    Prepare(next, nextRows);
                    var target = buffers[(turn + 1) % buffers.Length];
                    ahead = Task.Run(() => Decode(next, nextRows, target), CancellationToken.None);
                }
                progress?.Report(new SpectraProgress("decode", start + n, _rows.Count, ids.Length > 0 && kept > 0 ? ids[kept - 1] : null));
                if (kept > 0) yield return new RowChunk(current.Values, kept, Features, ids, labels) { Identities = identities };
            }
        }
        finally
        {
            // Open files and the cache serve a decode still running: it must finish before they go.
            if (ahead is not null)
                try { ahead.GetAwaiter().GetResult(); } catch (Exception) { } // its rows were never asked for
        }
        summary.Files = contributed.Count;
        foreach (var s in skipped)
            if (!Header.Skipped.Contains(s) && !summary.Skipped.Contains(s)) summary.Skipped.Add(s);
        summary.ContentHash = hash.HexDigestAndReset();
    }

    /// <summary>
    /// Moves the chunk's decoded rows to its front, names them, and feeds their files to the content hash
    /// in file order; returns how many rows were kept. (A method of its own, compiled optimised at once:
    /// in the iterator it would run unoptimised first.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Compact(int start, int n, double[] values, SpectraException?[] errors, OpenedFile[] singles, Dictionary<int, OpenedFile> open,
        BatchedHash hash, HashSet<int> contributed, List<SkippedItem> skipped, string[] ids, string?[] labels, long[] identities, ReadSummary summary)
    {
        int kept = 0;
        for (int r = 0; r < n; r++)
        {
            var (f, k) = _rows[start + r];
            var file = _files[f];
            if (errors[r] is { } e)
            {
                if (!_options.SkipInvalid) throw e;
                if (skipped.Count == 0 || skipped[^1].Path != file.RelativePath) skipped.Add(new SkippedItem(file.RelativePath, e.Reason));
                continue;
            }
            var opened = file.Header.Count > 1 ? open[f] : singles[r];
            if (contributed.Add(f))
            {
                hash.Append(opened.Bytes.Span);
                summary.Contributed(file.RelativePath);
            }
            identities[kept] = ((long)(_walkOffset + _walkIndex[f]) << 32) | (uint)k;
            if (kept != r) Array.Copy(values, (long)r * Features, values, (long)kept * Features, Features);
            string? inner = opened.Stack?.NameOf(k);
            ids[kept] = inner is null ? file.RelativePath : file.RelativePath + "#" + inner;
            labels[kept] = file.ImageLabels is { } stack ? stack[k] : file.Label;
            kept++;
        }
        return kept;
    }

    private static (IImageStack?, ReadOnlyMemory<byte>, SpectraException?) OpenFile(ProbedFile file, ImageDecodeLimits limits)
    {
        try
        {
            // A stack is held whole while its rows are read.
            if (file.Cached is null) MemoryBudget.Current.Check(new FileInfo(file.FullPath).Length, $"the {file.Codec.Name} file");
            var (raw, data) = ReadFile(file, limits);
            var stack = file.Codec.Open(data, limits);
            if (file.Header.Count > 1 && stack.Header != file.Header)
                throw SpectraException.Invalid("the file changed while it was being read");
            return (stack, raw, null);
        }
        catch (SpectraException e)
        {
            return (null, default, e.WithFile(file.RelativePath));
        }
        catch (Exception e) when (DecoderFault.IsDataFault(e))
        {
            return (null, default, DecoderFault.ToError(e, file.Codec.Name).WithFile(file.RelativePath));
        }
    }

    /// <summary>The file's bytes as stored (for the content hash) and as the codec reads them (gzip expanded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (ReadOnlyMemory<byte> Raw, ReadOnlyMemory<byte> Data) ReadFile(ProbedFile file, ImageDecodeLimits limits)
    {
        ReadOnlyMemory<byte> raw;
        try
        {
            raw = file.Cached ?? File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot read the file (" + e.Message + ")");
        }
        return (raw, ImageFormats.IsGzip(raw.Span) ? ImageFormats.Gunzip(raw.ToArray(), ImageProbe.MaxExpanded(limits)) : raw);
    }

    /// <summary>Into this thread's scratch; at a reduced scale first when a JPEG draft decode is asked for.</summary>
    private DecodedImage DecodeSingle(SingleImageCodec codec, ReadOnlySpan<byte> data, ImageDecodeLimits limits) =>
        codec.DecodeFor(data, limits, _options.DraftTarget, transient: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DecodeInto(DecodedImage image, Span<double> row)
    {
        Resampler? resampler = null;
        if (image.Width != _width || image.Height != _height)
        {
            if (_options.ResizeWidth is null)
                throw SpectraException.Invalid($"the image is {image.Width}×{image.Height}, the others {_width}×{_height}",
                    hint: "resize the images to one size");
            resampler = Resampler.For(image.Width, image.Height, _width, _height);
        }
        _converter.Write(image, row, resampler);
    }

    /// <summary>"pixel (y,x)" or "pixel (y,x,c)" names, made on demand (a photo has millions of features).</summary>
    private sealed class PixelNames(int width, int height, ImageSourceOptions options) : IReadOnlyList<string>
    {
        private readonly int _channels = options.ChannelsPerPixel;
        private readonly string[] _channelNames = options.Color == ImageColorMode.Gray ? ["gray", "alpha"] : ["r", "g", "b", "alpha"];

        public int Count => width * height * _channels;

        public string this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
                int c = index % _channels, p = index / _channels;
                return _channels == 1 ? $"pixel ({p / width},{p % width})" : $"pixel ({p / width},{p % width},{_channelNames[c]})";
            }
        }

        public IEnumerator<string> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
