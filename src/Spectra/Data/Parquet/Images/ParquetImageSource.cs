using System.IO.Hashing;

namespace Spectra.Data.Parquet.Images;

/// <summary>
/// A Parquet file, or a folder of them, whose rows are encoded images (the Hugging Face <c>datasets</c>
/// layout): each image is decoded by the image codecs and becomes one sample, with the options of an
/// image folder (gray or RGB, resize). Read row group by row group: one group's image bytes, its labels
/// and one chunk of rows are held at a time.
/// </summary>
internal sealed class ParquetImageSource : IDataSource, Data.Images.IImageShaped
{
    private readonly ParquetImageOptions _options;
    private readonly List<string> _files;
    private readonly string _root;
    private readonly int _width, _height;
    private readonly long _totalRows;

    public ParquetImageSource(string path, ParquetImageOptions? options = null)
    {
        _options = options ?? new ParquetImageOptions();
        _options.Images.Validate();
        _root = path;
        _files = ParquetFiles(path);
        using (var first = ParquetFile.Open(_files[0]))
        {
            var column = ImageColumnFinder.Find(first, _options.ImageColumn)
                         ?? throw SpectraException.Unsupported("the table has no image column (a {bytes, path} struct or a binary column of encoded images)", _files[0]);
            ColumnName = column.Name;
            (_width, _height) = _options.Images.ResizeWidth is int w ? (w, _options.Images.ResizeHeight!.Value) : FirstImageSize(first, column);
        }
        foreach (var f in _files)
        {
            using var file = ParquetFile.Open(f);
            Columns(file);
            _totalRows += file.RowCount;
        }
        Features = checked(_width * _height * _options.Images.ChannelsPerPixel);
        var notes = new List<string> { $"images from column '{ColumnName}' ({_width}×{_height}{(_options.Images.ResizeWidth is null ? "" : ", resized")})" };
        if (_options.LabelColumn is not null) notes.Add($"labels from '{_options.LabelColumn}'");
        Header = new SourceHeader(path, "parquet") { Notes = notes.ToArray() };
    }

    /// <summary>The top-level name of the image column.</summary>
    public string ColumnName { get; }

    public int Features { get; }

    public SourceHeader Header { get; }

    public Data.Images.ImageShape Shape => new(_width, _height, _options.Images.ChannelsPerPixel);

    public IReadOnlyList<string>? FeatureNames => null;

    /// <summary>Whether <paramref name="path"/> (a Parquet file or folder) holds an image column, or names one that does not exist (then it throws).</summary>
    public static bool HoldsImages(string path, string? imageColumn)
    {
        using var file = ParquetFile.Open(ParquetFiles(path)[0]);
        return ImageColumnFinder.Find(file, imageColumn) is not null;
    }

    public IEnumerable<RowChunk> ReadChunks(int maxRowsPerChunk, ReadSummary summary, IProgress<SpectraProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerChunk, 1);
        int d = Features;
        int capacity = (int)Math.Min(maxRowsPerChunk, Math.Max(1, _options.MaxRows ?? _totalRows));
        MemoryBudget.Current.Check(8.0 * capacity * d, $"a chunk of {capacity} image(s) of {_width}×{_height} ({d} features each)", _root);
        var values = new double[(long)capacity * d];
        var ids = new string[capacity];
        var labels = _options.LabelColumn is null ? null : new string?[capacity];
        var converter = new PixelConverter(_options.Images);
        var sampler = new RowSampler(_totalRows, _options.MaxRows, _options.Images.Seed);
        var hash = _options.HashContent ? new XxHash128() : null;
        int filled = 0;
        long done = 0;
        foreach (var path in _files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string name = Path.GetFileName(path);
            using var file = ParquetFile.Open(path);
            var (image, label) = Columns(file);
            long rowOfFile = 0;
            for (int g = 0; g < file.RowGroupCount; g++)
            {
                var bytes = file.ReadBinaryColumn(g, image);
                var labelData = label is null ? null : file.ReadColumn(g, label);
                for (int r = 0; r < bytes.Rows; r++, rowOfFile++)
                {
                    if (!sampler.Next()) continue;
                    try
                    {
                        Decode(bytes.Binaries![r], values.AsSpan(filled * d, d), converter);
                    }
                    catch (SpectraException e)
                    {
                        throw new SpectraException(e.Kind, $"the image in column '{ColumnName}' cannot be read: {e.Reason}", path,
                            $"row group {g}, row {r} (row {rowOfFile} of the file)", e.Hint, e);
                    }
                    ids[filled] = $"{name}#row {rowOfFile}";
                    if (labels is not null) labels[filled] = Label(labelData!, r);
                    if (++filled == capacity)
                    {
                        yield return new RowChunk(values, filled, d, ids, labels);
                        // Names and labels may outlive the chunk (the pipeline keeps them); the values are the consumer's only until the next chunk.
                        (ids, labels, filled) = (new string[capacity], labels is null ? null : new string?[capacity], 0);
                    }
                }
                done += bytes.Rows;
                progress?.Report(new SpectraProgress("read", done, _totalRows));
            }
            summary.Files++;
            if (hash is not null) using (var stream = File.OpenRead(path)) hash.Append(stream);
        }
        if (filled > 0) yield return new RowChunk(values, filled, d, ids, labels);
        if (hash is not null) summary.ContentHash = Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private void Decode(byte[]? encoded, Span<double> row, PixelConverter converter)
    {
        if (encoded is null) throw SpectraException.Invalid("the value is null", hint: "drop rows without an image before the analysis");
        var codec = ImageFormats.Detect(encoded) as SingleImageCodec
                    ?? throw SpectraException.Invalid(ImageProbe.UnsupportedFormat(encoded) is { } format
                        ? $"{format} images are not supported"
                        : $"the {encoded.Length} bytes are not an image format Spectra reads (PNG, JPEG, WebP, GIF, BMP, Netpbm, ICO)");
        var limits = _options.Images.Limits;
        if (codec.TryReadHeader(encoded, limits) is { } header) StoredSize.Check(codec, header, encoded.Length, gzipped: false);
        var decoded = codec.DecodeFor(encoded, limits, _options.Images.DraftTarget, transient: false);
        Resampler? resampler = null;
        if (decoded.Width != _width || decoded.Height != _height)
        {
            if (_options.Images.ResizeWidth is null)
                throw SpectraException.Invalid($"the image is {decoded.Width}×{decoded.Height}, the first one {_width}×{_height}",
                    hint: "resize the images to one size with resize");
            resampler = Resampler.For(decoded.Width, decoded.Height, _width, _height);
        }
        converter.Write(decoded, row, resampler);
    }

    private (ParquetColumn Image, ParquetColumn? Label) Columns(ParquetFile file)
    {
        var image = file.Schema.Columns.FirstOrDefault(c => c.Name == ColumnName && (c.Path == c.Name || c.Path == c.Name + ".bytes"))
                    ?? throw SpectraException.Invalid($"the file has no image column '{ColumnName}' (the first file has)", file.Path,
                        hint: "every file of the dataset must have the same schema");
        if (_options.LabelColumn is null) return (image, null);
        var label = file.Schema.Find(_options.LabelColumn);
        if (label is null || label.Use is not (ColumnUse.Text or ColumnUse.Numeric))
            throw SpectraException.Invalid($"the file has no text or numeric column '{_options.LabelColumn}' for the labels", file.Path,
                hint: "name a flat text or number column");
        return (image, label);
    }

    private static string? Label(ParquetColumnData data, int r)
    {
        if (data.Strings is not null) return data.Strings[r];
        return data.Nulls is not null && data.Nulls[r] ? null : data.ValueAt(r).ToString("R", CultureInfo.InvariantCulture);
    }

    private (int, int) FirstImageSize(ParquetFile file, ParquetColumn column)
    {
        for (int g = 0; g < file.RowGroupCount; g++)
        {
            if (file.RowGroupRows(g) == 0) continue;
            var data = file.ReadBinaryColumn(g, column);
            if (data.Binaries!.Take(data.Rows).FirstOrDefault(b => b is not null) is not { } first) continue;
            var codec = ImageFormats.Detect(first) as SingleImageCodec
                        ?? throw SpectraException.Invalid($"the first image in column '{column.Name}' is not an image format Spectra reads", file.Path, $"row group {g}");
            var header = codec.TryReadHeader(first, _options.Images.Limits) ?? codec.Open(first, _options.Images.Limits).Header;
            return (header.Width, header.Height);
        }
        throw new SpectraException(SpectraErrorKind.NotEnoughData, $"column '{column.Name}' holds no image", file.Path);
    }

    private static List<string> ParquetFiles(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new SpectraException(SpectraErrorKind.Io, "no such file or folder", path, hint: "check the path");
        return ParquetFolder.Files(path);
    }
}
