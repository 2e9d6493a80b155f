namespace Spectra.Data.Parquet.Format;

/// <summary>Decodes the footer's FileMetaData and page headers from Thrift compact bytes (only the fields Spectra uses; the rest is skipped).</summary>
internal static class MetadataParser
{
    public static FileMetaData ParseFileMetaData(ReadOnlySpan<byte> bytes)
    {
        var r = new ThriftCompactReader(bytes);
        int version = 0;
        long numRows = -1;
        List<SchemaElement>? schema = null;
        List<RowGroupMeta>? rowGroups = null;
        string? createdBy = null;
        bool encrypted = false;
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: version = r.ReadI32(); break;
                case 2 when t == ThriftCompactReader.TypeList:
                {
                    int n = r.ReadListHeader(out byte et);
                    ExpectStruct(et);
                    schema = new List<SchemaElement>(n);
                    for (int i = 0; i < n; i++) schema.Add(ParseSchemaElement(ref r));
                    break;
                }
                case 3 when t == ThriftCompactReader.TypeI64: numRows = r.ReadI64(); break;
                case 4 when t == ThriftCompactReader.TypeList:
                {
                    int n = r.ReadListHeader(out byte et);
                    ExpectStruct(et);
                    rowGroups = new List<RowGroupMeta>(n);
                    for (int i = 0; i < n; i++) rowGroups.Add(ParseRowGroup(ref r));
                    break;
                }
                case 6 when t == ThriftCompactReader.TypeBinary: createdBy = r.ReadString(); break;
                case 8: encrypted = true; r.Skip(t); break;
                default: r.Skip(t); break;
            }
        }
        r.ExitStruct();
        if (schema is null || schema.Count == 0) throw ParquetErrors.Corrupt("the footer has no schema");
        if (rowGroups is null) throw ParquetErrors.Corrupt("the footer has no row-group list");
        if (numRows < 0) throw ParquetErrors.Corrupt("the footer has no valid row count");
        return new FileMetaData(version, schema, numRows, rowGroups, createdBy, encrypted);
    }

    private static void ExpectStruct(byte elementType)
    {
        if (elementType != ThriftCompactReader.TypeStruct) throw ParquetErrors.Corrupt("a Thrift list holds the wrong element type");
    }

    private static SchemaElement ParseSchemaElement(ref ThriftCompactReader r)
    {
        PhysicalType? type = null;
        int typeLength = 0, numChildren = 0, scale = 0, precision = 0;
        Repetition? repetition = null;
        string? name = null;
        var converted = ConvertedType.None;
        LogicalType? logical = null;
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32:
                    int pt = r.ReadI32();
                    if (pt is < 0 or > 7) throw ParquetErrors.Corrupt($"unknown physical type {pt}");
                    type = (PhysicalType)pt;
                    break;
                case 2 when t == ThriftCompactReader.TypeI32: typeLength = r.ReadI32(); break;
                case 3 when t == ThriftCompactReader.TypeI32:
                    int rep = r.ReadI32();
                    if (rep is < 0 or > 2) throw ParquetErrors.Corrupt($"unknown field repetition {rep}");
                    repetition = (Repetition)rep;
                    break;
                case 4 when t == ThriftCompactReader.TypeBinary: name = r.ReadString(); break;
                case 5 when t == ThriftCompactReader.TypeI32: numChildren = r.ReadI32(); break;
                case 6 when t == ThriftCompactReader.TypeI32:
                    int ct = r.ReadI32();
                    converted = ct is >= 0 and <= 21 ? (ConvertedType)ct : ConvertedType.None;
                    break;
                case 7 when t == ThriftCompactReader.TypeI32: scale = r.ReadI32(); break;
                case 8 when t == ThriftCompactReader.TypeI32: precision = r.ReadI32(); break;
                case 10 when t == ThriftCompactReader.TypeStruct: logical = ParseLogicalType(ref r); break;
                default: r.Skip(t); break;
            }
        }
        r.ExitStruct();
        if (name is null) throw ParquetErrors.Corrupt("a schema element has no name");
        if (numChildren < 0) throw ParquetErrors.Corrupt($"schema element '{name}' has a negative child count");
        return new SchemaElement(name, type, typeLength, repetition, numChildren, converted, scale, precision, logical);
    }

    private static LogicalType ParseLogicalType(ref ThriftCompactReader r)
    {
        LogicalType result = new(LogicalTypeKind.Unrecognised);
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            if (t != ThriftCompactReader.TypeStruct)
            {
                r.Skip(t);
                continue;
            }
            switch (id)
            {
                case 5:
                    result = ParseDecimal(ref r);
                    break;
                case 10:
                    result = ParseInteger(ref r);
                    break;
                case 1 or 2 or 3 or 4 or 6 or 7 or 8 or 11 or 12 or 13 or 14 or 15 or 16 or 17 or 18:
                    result = new LogicalType((LogicalTypeKind)id);
                    r.SkipStruct();
                    break;
                default:
                    r.SkipStruct();
                    break;
            }
        }
        r.ExitStruct();
        return result;
    }

    private static LogicalType ParseDecimal(ref ThriftCompactReader r)
    {
        int scale = 0, precision = 0;
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            if (id == 1 && t == ThriftCompactReader.TypeI32) scale = r.ReadI32();
            else if (id == 2 && t == ThriftCompactReader.TypeI32) precision = r.ReadI32();
            else r.Skip(t);
        }
        r.ExitStruct();
        return new LogicalType(LogicalTypeKind.Decimal, Scale: scale, Precision: precision);
    }

    private static LogicalType ParseInteger(ref ThriftCompactReader r)
    {
        int bits = 0;
        bool signed = true;
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            if (id == 1 && t == ThriftCompactReader.TypeByte) bits = (sbyte)r.ReadByte();
            else if (id == 2 && t is ThriftCompactReader.TypeTrue or ThriftCompactReader.TypeFalse) signed = ThriftCompactReader.BoolFromType(t);
            else r.Skip(t);
        }
        r.ExitStruct();
        return new LogicalType(LogicalTypeKind.Integer, BitWidth: bits, IsSigned: signed);
    }

    private static RowGroupMeta ParseRowGroup(ref ThriftCompactReader r)
    {
        List<ColumnChunkMeta>? columns = null;
        long totalByteSize = 0, numRows = -1;
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeList:
                {
                    int n = r.ReadListHeader(out byte et);
                    ExpectStruct(et);
                    columns = new List<ColumnChunkMeta>(n);
                    for (int i = 0; i < n; i++) columns.Add(ParseColumnChunk(ref r));
                    break;
                }
                case 2 when t == ThriftCompactReader.TypeI64: totalByteSize = r.ReadI64(); break;
                case 3 when t == ThriftCompactReader.TypeI64: numRows = r.ReadI64(); break;
                default: r.Skip(t); break;
            }
        }
        r.ExitStruct();
        if (columns is null) throw ParquetErrors.Corrupt("a row group has no column list");
        if (numRows < 0) throw ParquetErrors.Corrupt("a row group has no valid row count");
        return new RowGroupMeta(columns, totalByteSize, numRows);
    }

    private static ColumnChunkMeta ParseColumnChunk(ref ThriftCompactReader r)
    {
        string? filePath = null;
        long fileOffset = 0;
        ColumnMetaData? meta = null;
        bool encrypted = false;
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeBinary: filePath = r.ReadString(); break;
                case 2 when t == ThriftCompactReader.TypeI64: fileOffset = r.ReadI64(); break;
                case 3 when t == ThriftCompactReader.TypeStruct: meta = ParseColumnMetaData(ref r); break;
                case 8 or 9: encrypted = true; r.Skip(t); break;
                default: r.Skip(t); break;
            }
        }
        r.ExitStruct();
        return new ColumnChunkMeta(filePath, fileOffset, meta, encrypted);
    }

    private static ColumnMetaData ParseColumnMetaData(ref ThriftCompactReader r)
    {
        int type = -1, codec = -1;
        var encodings = new List<ParquetEncoding>();
        var path = new List<string>();
        long numValues = -1, uncompressed = -1, compressed = -1, dataPageOffset = -1;
        long? dictionaryPageOffset = null;
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: type = r.ReadI32(); break;
                case 2 when t == ThriftCompactReader.TypeList:
                {
                    int n = r.ReadListHeader(out byte et);
                    for (int i = 0; i < n; i++)
                    {
                        if (et != ThriftCompactReader.TypeI32) { r.Skip(et); continue; }
                        encodings.Add((ParquetEncoding)r.ReadI32());
                    }
                    break;
                }
                case 3 when t == ThriftCompactReader.TypeList:
                {
                    int n = r.ReadListHeader(out byte et);
                    if (et != ThriftCompactReader.TypeBinary) throw ParquetErrors.Corrupt("path_in_schema is not a list of strings");
                    for (int i = 0; i < n; i++) path.Add(r.ReadString());
                    break;
                }
                case 4 when t == ThriftCompactReader.TypeI32: codec = r.ReadI32(); break;
                case 5 when t == ThriftCompactReader.TypeI64: numValues = r.ReadI64(); break;
                case 6 when t == ThriftCompactReader.TypeI64: uncompressed = r.ReadI64(); break;
                case 7 when t == ThriftCompactReader.TypeI64: compressed = r.ReadI64(); break;
                case 9 when t == ThriftCompactReader.TypeI64: dataPageOffset = r.ReadI64(); break;
                case 11 when t == ThriftCompactReader.TypeI64: dictionaryPageOffset = r.ReadI64(); break;
                default: r.Skip(t); break;
            }
        }
        r.ExitStruct();
        if (type is < 0 or > 7) throw ParquetErrors.Corrupt($"column metadata has an unknown physical type {type}");
        if (codec < 0) throw ParquetErrors.Corrupt("column metadata has no codec");
        if (numValues < 0 || compressed < 0 || dataPageOffset < 0)
            throw ParquetErrors.Corrupt("column metadata lacks a valid value count, size or data-page offset");
        return new ColumnMetaData((PhysicalType)type, encodings, path, (CompressionCodec)codec, numValues, uncompressed,
            compressed, dataPageOffset, dictionaryPageOffset);
    }

    /// <summary>Parses a page header at the start of <paramref name="bytes"/>; <paramref name="headerLength"/> is its size.</summary>
    public static PageHeader ParsePageHeader(ReadOnlySpan<byte> bytes, out int headerLength)
    {
        var r = new ThriftCompactReader(bytes);
        int type = -1, uncompressed = -1, compressed = -1;
        int? crc = null;
        DataPageHeader? dp = null;
        DataPageHeaderV2? dp2 = null;
        DictionaryPageHeader? dict = null;
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: type = r.ReadI32(); break;
                case 2 when t == ThriftCompactReader.TypeI32: uncompressed = r.ReadI32(); break;
                case 3 when t == ThriftCompactReader.TypeI32: compressed = r.ReadI32(); break;
                case 4 when t == ThriftCompactReader.TypeI32: crc = r.ReadI32(); break;
                case 5 when t == ThriftCompactReader.TypeStruct: dp = ParseDataPageHeader(ref r); break;
                case 7 when t == ThriftCompactReader.TypeStruct: dict = ParseDictionaryPageHeader(ref r); break;
                case 8 when t == ThriftCompactReader.TypeStruct: dp2 = ParseDataPageHeaderV2(ref r); break;
                default: r.Skip(t); break;
            }
        }
        r.ExitStruct();
        headerLength = r.Position;
        if (type is < 0 or > 3) throw ParquetErrors.Corrupt($"page header has an unknown page type {type}");
        if (uncompressed < 0 || compressed < 0) throw ParquetErrors.Corrupt("page header has a negative or missing page size");
        return new PageHeader((PageType)type, uncompressed, compressed, crc, dp, dp2, dict);
    }

    private static DataPageHeader ParseDataPageHeader(ref ThriftCompactReader r)
    {
        int n = -1, enc = -1, defEnc = 0, repEnc = 0;
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: n = r.ReadI32(); break;
                case 2 when t == ThriftCompactReader.TypeI32: enc = r.ReadI32(); break;
                case 3 when t == ThriftCompactReader.TypeI32: defEnc = r.ReadI32(); break;
                case 4 when t == ThriftCompactReader.TypeI32: repEnc = r.ReadI32(); break;
                default: r.Skip(t); break;
            }
        }
        r.ExitStruct();
        if (n < 0 || enc < 0) throw ParquetErrors.Corrupt("data page header has a negative or missing value count or encoding");
        return new DataPageHeader(n, (ParquetEncoding)enc, (ParquetEncoding)defEnc, (ParquetEncoding)repEnc);
    }

    private static DataPageHeaderV2 ParseDataPageHeaderV2(ref ThriftCompactReader r)
    {
        int n = -1, nulls = 0, rows = -1, enc = -1, defLen = 0, repLen = 0;
        bool compressed = true;
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: n = r.ReadI32(); break;
                case 2 when t == ThriftCompactReader.TypeI32: nulls = r.ReadI32(); break;
                case 3 when t == ThriftCompactReader.TypeI32: rows = r.ReadI32(); break;
                case 4 when t == ThriftCompactReader.TypeI32: enc = r.ReadI32(); break;
                case 5 when t == ThriftCompactReader.TypeI32: defLen = r.ReadI32(); break;
                case 6 when t == ThriftCompactReader.TypeI32: repLen = r.ReadI32(); break;
                case 7 when t is ThriftCompactReader.TypeTrue or ThriftCompactReader.TypeFalse:
                    compressed = ThriftCompactReader.BoolFromType(t);
                    break;
                default: r.Skip(t); break;
            }
        }
        r.ExitStruct();
        if (n < 0 || rows < 0 || enc < 0 || nulls < 0 || defLen < 0 || repLen < 0)
            throw ParquetErrors.Corrupt("data page V2 header has a negative or missing count or length");
        return new DataPageHeaderV2(n, nulls, rows, (ParquetEncoding)enc, defLen, repLen, compressed);
    }

    private static DictionaryPageHeader ParseDictionaryPageHeader(ref ThriftCompactReader r)
    {
        int n = -1, enc = 0;
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: n = r.ReadI32(); break;
                case 2 when t == ThriftCompactReader.TypeI32: enc = r.ReadI32(); break;
                default: r.Skip(t); break;
            }
        }
        r.ExitStruct();
        if (n < 0) throw ParquetErrors.Corrupt($"dictionary page header has a negative value count ({n})");
        return new DictionaryPageHeader(n, (ParquetEncoding)enc);
    }
}
