using Microsoft.Win32.SafeHandles;

namespace Spectra.Data.Parquet;

/// <summary>The in-house Parquet reader: opens a file, decodes its footer, and reads column chunks on demand.</summary>
internal sealed class ParquetFile : IParquetReader
{
    private readonly ByteSource _source;
    private readonly FileMetaData _meta;
    private readonly ParquetReadOptions _options;

    private ParquetFile(string path, ByteSource source, long length, FileMetaData meta, ParquetSchema schema, ParquetReadOptions options)
    {
        Path = path;
        _source = source;
        Length = length;
        _meta = meta;
        Schema = schema;
        _options = options;
    }

    public string Path { get; }

    public long Length { get; }

    public ParquetSchema Schema { get; }

    public long RowCount => _meta.NumRows;

    public int RowGroupCount => _meta.RowGroups.Count;

    public string? CreatedBy => _meta.CreatedBy;

    public long RowGroupRows(int rowGroup) => _meta.RowGroups[rowGroup].NumRows;

    /// <summary>How many values (nulls included) the footer says a column chunk holds; null when it does not say.</summary>
    internal long? ChunkValues(int rowGroup, ParquetColumn column) => _meta.RowGroups[rowGroup].Columns[column.Index].MetaData?.NumValues;

    public static ParquetFile Open(string path, ParquetReadOptions? options = null)
    {
        Files.RegularFile.Require(path, "the Parquet file");
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot open the file: " + e.Message, path, hint: "check the path and its permissions");
        }
        return Open(new FileByteSource(handle), path, options);
    }

    /// <summary>Reads a Parquet file held in memory; <paramref name="name"/> is used in messages.</summary>
    public static ParquetFile Open(ReadOnlyMemory<byte> bytes, string name, ParquetReadOptions? options = null) =>
        Open(new MemoryByteSource(bytes), name, options);

    private static ParquetFile Open(ByteSource source, string path, ParquetReadOptions? options)
    {
        options ??= ParquetReadOptions.Default;
        try
        {
            long length = source.Length;
            var meta = ReadFooter(source, length, path, options);
            ParquetSchema schema;
            try
            {
                schema = ParquetSchema.Build(meta.Schema);
            }
            catch (SpectraException e)
            {
                throw Place(e, path, "schema");
            }
            // Some writers leave the footer's row count at 0; the row groups are authoritative.
            long rows = Validate(meta, schema, path);
            return new ParquetFile(path, source, length, meta with { NumRows = rows }, schema, options);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static FileMetaData ReadFooter(ByteSource source, long length, string path, ParquetReadOptions options)
    {
        if (length < 12)
            throw SpectraException.Invalid($"the file has {length} bytes, too few to be Parquet (at least 12)", path, "footer",
                "check that this is a Parquet file and that it was copied completely");
        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[8];
        source.ReadExact(head, 0, path);
        source.ReadExact(tail, length - 8, path);
        bool headEncrypted = head.SequenceEqual("PARE"u8), tailEncrypted = tail[4..].SequenceEqual("PARE"u8);
        if (headEncrypted || tailEncrypted)
            throw SpectraException.Unsupported("the file is encrypted (Parquet modular encryption), not supported", path, "footer",
                "decrypt it with the tool that wrote it and export a plain Parquet file");
        if (!head.SequenceEqual("PAR1"u8))
            throw SpectraException.Invalid("wrong magic number at the start: not a Parquet file", path, "header",
                "check that this is a Parquet file");
        if (!tail[4..].SequenceEqual("PAR1"u8))
            throw SpectraException.Invalid("wrong magic number at the end: the file is truncated or not Parquet", path, "footer",
                "the file may be cut short; copy it again");
        uint footerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footerLength > length - 12)
            throw SpectraException.Invalid($"the footer length {footerLength} runs past the start of the {length}-byte file", path, "footer",
                "the file is truncated or corrupt; copy or export it again");
        if (footerLength > options.MemoryLimitBytes)
            throw new SpectraException(SpectraErrorKind.LimitExceeded,
                $"the footer of {footerLength} bytes exceeds the memory limit of {options.MemoryLimitBytes} bytes", path, "footer");
        var footer = new byte[footerLength];
        source.ReadExact(footer, length - 8 - footerLength, path);
        FileMetaData meta;
        try
        {
            meta = MetadataParser.ParseFileMetaData(footer);
        }
        catch (SpectraException e)
        {
            throw Place(e, path, "footer");
        }
        if (meta.Encrypted)
            throw SpectraException.Unsupported("the file is encrypted (Parquet modular encryption, plaintext footer), not supported", path,
                "footer", "decrypt it with the tool that wrote it and export a plain Parquet file");
        return meta;
    }

    private static long Validate(FileMetaData meta, ParquetSchema schema, string path)
    {
        long total = 0;
        for (int g = 0; g < meta.RowGroups.Count; g++)
        {
            var rg = meta.RowGroups[g];
            if (rg.Columns.Count != schema.Columns.Count)
                throw SpectraException.Invalid($"row group has {rg.Columns.Count} column chunks, the schema has {schema.Columns.Count} leaf columns",
                    path, $"row group {g}", ParquetErrors.CorruptHint);
            if (rg.NumRows > int.MaxValue)
                throw new SpectraException(SpectraErrorKind.LimitExceeded, $"row group holds {rg.NumRows} rows, more than Spectra reads in one group",
                    path, $"row group {g}", "rewrite the file with smaller row groups");
            total += rg.NumRows;
        }
        return total;
    }

    internal static SpectraException Place(SpectraException e, string path, string location) =>
        new(e.Kind, e.Reason, path, e.Location is null ? location : location + ", " + e.Location, e.Hint, e);

    public ParquetColumnData ReadColumn(int rowGroup, ParquetColumn column, ParquetColumnData? recycle = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, RowGroupCount);
        var chunk = _meta.RowGroups[rowGroup].Columns[column.Index];
        var reader = new ColumnChunkReader(_source, Length, Path, _options, rowGroup, column, (int)RowGroupRows(rowGroup), chunk, recycle: recycle);
        return reader.Read();
    }

    public bool ReadsSlices => true;

    public ColumnSlices OpenSlices(int rowGroup, ParquetColumn column) => OpenSlices(rowGroup, column, ColumnChunkReader.PartEntries);

    /// <summary>As <see cref="OpenSlices(int, ParquetColumn)"/>, PLAIN pages consumed <paramref name="partEntries"/> entries at a time (tests make parts tiny).</summary>
    internal ColumnSlices OpenSlices(int rowGroup, ParquetColumn column, int partEntries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partEntries, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, RowGroupCount);
        var chunk = _meta.RowGroups[rowGroup].Columns[column.Index];
        return new ColumnSlices(new ColumnChunkReader(_source, Length, Path, _options, rowGroup, column, (int)RowGroupRows(rowGroup), chunk) { PartSize = partEntries });
    }

    /// <summary>A flat BYTE_ARRAY column (plain or inside a struct) as the bytes of each row's value, for encoded images.</summary>
    public ParquetColumnData ReadBinaryColumn(int rowGroup, ParquetColumn column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, RowGroupCount);
        if (column.PhysicalType != Format.PhysicalType.ByteArray || column.MaxRepetitionLevel > 0)
            throw new ArgumentException($"column '{column.Path}' is not a flat binary column", nameof(column));
        var chunk = _meta.RowGroups[rowGroup].Columns[column.Index];
        return new ColumnChunkReader(_source, Length, Path, _options, rowGroup, column, (int)RowGroupRows(rowGroup), chunk, binary: true).Read();
    }

    /// <summary>
    /// Walks every page of every column chunk, including columns Spectra does not analyse, checking
    /// headers, checksums, sizes, levels and value counts. Throws the first problem found.
    /// </summary>
    public void Verify()
    {
        for (int g = 0; g < RowGroupCount; g++)
            foreach (var column in Schema.Columns)
            {
                var chunk = _meta.RowGroups[g].Columns[column.Index];
                new ColumnChunkReader(_source, Length, Path, _options, g, column, (int)RowGroupRows(g), chunk, validateOnly: true).Read();
            }
    }

    public void Dispose() => _source.Dispose();
}
