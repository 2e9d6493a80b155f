namespace Spectra.Data.Parquet.Format;

/// <summary>Decodes the footer's FileMetaData and page headers from Thrift compact bytes (only the fields Spectra uses; the rest is skipped).</summary>
internal static class MetadataParser
{
    /// <summary>The fields of one Thrift struct being read; each parser below keeps its own, with its defaults.</summary>
    private interface IFields
    {
        /// <summary>Takes the value of field <paramref name="id"/> when it is one this struct knows with the type it expects; false leaves it to be skipped.</summary>
        bool Read(ref ThriftCompactReader r, short id, byte type);
    }

    private delegate T StructParser<out T>(ref ThriftCompactReader r);

    // Every struct is read the same way: its fields in turn until the stop byte, and whatever a parser does not
    // take (a field from a newer writer, or a known one with an unexpected type) skipped, so that the parsers
    // state only the fields they use.
    private static void ReadStruct<TFields>(ref ThriftCompactReader r, ref TFields fields) where TFields : struct, IFields
    {
        r.EnterStruct();
        short last = 0;
        while (r.NextField(ref last, out short id, out byte t))
            if (!fields.Read(ref r, id, t)) r.Skip(t);
        r.ExitStruct();
    }

    private static List<T> ReadStructList<T>(ref ThriftCompactReader r, StructParser<T> parse)
    {
        int n = r.ReadListHeader(out byte et);
        if (et != ThriftCompactReader.TypeStruct) throw ParquetErrors.Corrupt("a Thrift list holds the wrong element type");
        var list = new List<T>(n);
        for (int i = 0; i < n; i++) list.Add(parse(ref r));
        return list;
    }

    public static FileMetaData ParseFileMetaData(ReadOnlySpan<byte> bytes)
    {
        var r = new ThriftCompactReader(bytes);
        var f = new FileMetaDataFields();
        ReadStruct(ref r, ref f);
        if (f.Schema is null || f.Schema.Count == 0) throw ParquetErrors.Corrupt("the footer has no schema");
        if (f.RowGroups is null) throw ParquetErrors.Corrupt("the footer has no row-group list");
        if (f.NumRows < 0) throw ParquetErrors.Corrupt("the footer has no valid row count");
        return new FileMetaData(f.Version, f.Schema, f.NumRows, f.RowGroups, f.CreatedBy, f.Encrypted);
    }

    private struct FileMetaDataFields() : IFields
    {
        public int Version;
        public long NumRows = -1;
        public List<SchemaElement>? Schema;
        public List<RowGroupMeta>? RowGroups;
        public string? CreatedBy;
        public bool Encrypted;

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: Version = r.ReadI32(); return true;
                case 2 when t == ThriftCompactReader.TypeList: Schema = ReadStructList(ref r, ParseSchemaElement); return true;
                case 3 when t == ThriftCompactReader.TypeI64: NumRows = r.ReadI64(); return true;
                case 4 when t == ThriftCompactReader.TypeList: RowGroups = ReadStructList(ref r, ParseRowGroup); return true;
                case 6 when t == ThriftCompactReader.TypeBinary: CreatedBy = r.ReadString(); return true;
                case 8: Encrypted = true; return false;
                default: return false;
            }
        }
    }

    private static SchemaElement ParseSchemaElement(ref ThriftCompactReader r)
    {
        var f = new SchemaElementFields();
        ReadStruct(ref r, ref f);
        if (f.Name is null) throw ParquetErrors.Corrupt("a schema element has no name");
        if (f.NumChildren < 0) throw ParquetErrors.Corrupt($"schema element '{f.Name}' has a negative child count");
        return new SchemaElement(f.Name, f.Type, f.TypeLength, f.Repetition, f.NumChildren, f.Converted, f.Scale, f.Precision, f.Logical);
    }

    private struct SchemaElementFields() : IFields
    {
        public PhysicalType? Type;
        public int TypeLength, NumChildren, Scale, Precision;
        public Repetition? Repetition;
        public string? Name;
        public ConvertedType Converted = ConvertedType.None;
        public LogicalType? Logical;

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32:
                    int pt = r.ReadI32();
                    if (pt is < 0 or > 7) throw ParquetErrors.Corrupt($"unknown physical type {pt}");
                    Type = (PhysicalType)pt;
                    return true;
                case 2 when t == ThriftCompactReader.TypeI32: TypeLength = r.ReadI32(); return true;
                case 3 when t == ThriftCompactReader.TypeI32:
                    int rep = r.ReadI32();
                    if (rep is < 0 or > 2) throw ParquetErrors.Corrupt($"unknown field repetition {rep}");
                    Repetition = (Repetition)rep;
                    return true;
                case 4 when t == ThriftCompactReader.TypeBinary: Name = r.ReadString(); return true;
                case 5 when t == ThriftCompactReader.TypeI32: NumChildren = r.ReadI32(); return true;
                case 6 when t == ThriftCompactReader.TypeI32:
                    int ct = r.ReadI32();
                    Converted = ct is >= 0 and <= 21 ? (ConvertedType)ct : ConvertedType.None;
                    return true;
                case 7 when t == ThriftCompactReader.TypeI32: Scale = r.ReadI32(); return true;
                case 8 when t == ThriftCompactReader.TypeI32: Precision = r.ReadI32(); return true;
                case 10 when t == ThriftCompactReader.TypeStruct: Logical = ParseLogicalType(ref r); return true;
                default: return false;
            }
        }
    }

    private static LogicalType ParseLogicalType(ref ThriftCompactReader r)
    {
        var f = new LogicalTypeFields();
        ReadStruct(ref r, ref f);
        return f.Result;
    }

    // A union: the field set names the kind, and only decimals and integers carry parameters Spectra reads.
    private struct LogicalTypeFields() : IFields
    {
        public LogicalType Result = new(LogicalTypeKind.Unrecognised);

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            if (t != ThriftCompactReader.TypeStruct) return false;
            switch (id)
            {
                case 5: Result = ParseDecimal(ref r); return true;
                case 10: Result = ParseInteger(ref r); return true;
                case 1 or 2 or 3 or 4 or 6 or 7 or 8 or 11 or 12 or 13 or 14 or 15 or 16 or 17 or 18:
                    Result = new LogicalType((LogicalTypeKind)id);
                    return false;
                default: return false;
            }
        }
    }

    private static LogicalType ParseDecimal(ref ThriftCompactReader r)
    {
        var f = new DecimalFields();
        ReadStruct(ref r, ref f);
        return new LogicalType(LogicalTypeKind.Decimal, Scale: f.Scale, Precision: f.Precision);
    }

    private struct DecimalFields : IFields
    {
        public int Scale, Precision;

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            if (id == 1 && t == ThriftCompactReader.TypeI32) Scale = r.ReadI32();
            else if (id == 2 && t == ThriftCompactReader.TypeI32) Precision = r.ReadI32();
            else return false;
            return true;
        }
    }

    private static LogicalType ParseInteger(ref ThriftCompactReader r)
    {
        var f = new IntegerFields();
        ReadStruct(ref r, ref f);
        return new LogicalType(LogicalTypeKind.Integer, BitWidth: f.Bits, IsSigned: f.Signed);
    }

    private struct IntegerFields() : IFields
    {
        public int Bits;
        public bool Signed = true;

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            if (id == 1 && t == ThriftCompactReader.TypeByte) Bits = (sbyte)r.ReadByte();
            else if (id == 2 && t is ThriftCompactReader.TypeTrue or ThriftCompactReader.TypeFalse) Signed = ThriftCompactReader.BoolFromType(t);
            else return false;
            return true;
        }
    }

    private static RowGroupMeta ParseRowGroup(ref ThriftCompactReader r)
    {
        var f = new RowGroupFields();
        ReadStruct(ref r, ref f);
        if (f.Columns is null) throw ParquetErrors.Corrupt("a row group has no column list");
        if (f.NumRows < 0) throw ParquetErrors.Corrupt("a row group has no valid row count");
        return new RowGroupMeta(f.Columns, f.TotalByteSize, f.NumRows);
    }

    private struct RowGroupFields() : IFields
    {
        public List<ColumnChunkMeta>? Columns;
        public long TotalByteSize, NumRows = -1;

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeList: Columns = ReadStructList(ref r, ParseColumnChunk); return true;
                case 2 when t == ThriftCompactReader.TypeI64: TotalByteSize = r.ReadI64(); return true;
                case 3 when t == ThriftCompactReader.TypeI64: NumRows = r.ReadI64(); return true;
                default: return false;
            }
        }
    }

    private static ColumnChunkMeta ParseColumnChunk(ref ThriftCompactReader r)
    {
        var f = new ColumnChunkFields();
        ReadStruct(ref r, ref f);
        return new ColumnChunkMeta(f.FilePath, f.FileOffset, f.Meta, f.Encrypted);
    }

    private struct ColumnChunkFields : IFields
    {
        public string? FilePath;
        public long FileOffset;
        public ColumnMetaData? Meta;
        public bool Encrypted;

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeBinary: FilePath = r.ReadString(); return true;
                case 2 when t == ThriftCompactReader.TypeI64: FileOffset = r.ReadI64(); return true;
                case 3 when t == ThriftCompactReader.TypeStruct: Meta = ParseColumnMetaData(ref r); return true;
                case 8 or 9: Encrypted = true; return false;
                default: return false;
            }
        }
    }

    private static ColumnMetaData ParseColumnMetaData(ref ThriftCompactReader r)
    {
        var f = new ColumnMetaDataFields();
        ReadStruct(ref r, ref f);
        if (f.Type is < 0 or > 7) throw ParquetErrors.Corrupt($"column metadata has an unknown physical type {f.Type}");
        if (f.Codec < 0) throw ParquetErrors.Corrupt("column metadata has no codec");
        if (f.NumValues < 0 || f.Compressed < 0 || f.DataPageOffset < 0)
            throw ParquetErrors.Corrupt("column metadata lacks a valid value count, size or data-page offset");
        return new ColumnMetaData((PhysicalType)f.Type, f.Encodings, f.Path, (CompressionCodec)f.Codec, f.NumValues, f.Uncompressed,
            f.Compressed, f.DataPageOffset, f.DictionaryPageOffset);
    }

    private struct ColumnMetaDataFields() : IFields
    {
        public int Type = -1, Codec = -1;
        public readonly List<ParquetEncoding> Encodings = [];
        public readonly List<string> Path = [];
        public long NumValues = -1, Uncompressed = -1, Compressed = -1, DataPageOffset = -1;
        public long? DictionaryPageOffset;

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: Type = r.ReadI32(); return true;
                case 2 when t == ThriftCompactReader.TypeList:
                {
                    int n = r.ReadListHeader(out byte et);
                    for (int i = 0; i < n; i++)
                    {
                        if (et != ThriftCompactReader.TypeI32) { r.Skip(et); continue; }
                        Encodings.Add((ParquetEncoding)r.ReadI32());
                    }
                    return true;
                }
                case 3 when t == ThriftCompactReader.TypeList:
                {
                    int n = r.ReadListHeader(out byte et);
                    if (et != ThriftCompactReader.TypeBinary) throw ParquetErrors.Corrupt("path_in_schema is not a list of strings");
                    for (int i = 0; i < n; i++) Path.Add(r.ReadString());
                    return true;
                }
                case 4 when t == ThriftCompactReader.TypeI32: Codec = r.ReadI32(); return true;
                case 5 when t == ThriftCompactReader.TypeI64: NumValues = r.ReadI64(); return true;
                case 6 when t == ThriftCompactReader.TypeI64: Uncompressed = r.ReadI64(); return true;
                case 7 when t == ThriftCompactReader.TypeI64: Compressed = r.ReadI64(); return true;
                case 9 when t == ThriftCompactReader.TypeI64: DataPageOffset = r.ReadI64(); return true;
                case 11 when t == ThriftCompactReader.TypeI64: DictionaryPageOffset = r.ReadI64(); return true;
                default: return false;
            }
        }
    }

    /// <summary>Parses a page header at the start of <paramref name="bytes"/>; <paramref name="headerLength"/> is its size.</summary>
    public static PageHeader ParsePageHeader(ReadOnlySpan<byte> bytes, out int headerLength)
    {
        var r = new ThriftCompactReader(bytes);
        var f = new PageHeaderFields();
        ReadStruct(ref r, ref f);
        headerLength = r.Position;
        if (f.Type is < 0 or > 3) throw ParquetErrors.Corrupt($"page header has an unknown page type {f.Type}");
        if (f.Uncompressed < 0 || f.Compressed < 0) throw ParquetErrors.Corrupt("page header has a negative or missing page size");
        return new PageHeader((PageType)f.Type, f.Uncompressed, f.Compressed, f.Crc, f.DataPage, f.DataPageV2, f.Dictionary);
    }

    private struct PageHeaderFields() : IFields
    {
        public int Type = -1, Uncompressed = -1, Compressed = -1;
        public int? Crc;
        public DataPageHeader? DataPage;
        public DataPageHeaderV2? DataPageV2;
        public DictionaryPageHeader? Dictionary;

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: Type = r.ReadI32(); return true;
                case 2 when t == ThriftCompactReader.TypeI32: Uncompressed = r.ReadI32(); return true;
                case 3 when t == ThriftCompactReader.TypeI32: Compressed = r.ReadI32(); return true;
                case 4 when t == ThriftCompactReader.TypeI32: Crc = r.ReadI32(); return true;
                case 5 when t == ThriftCompactReader.TypeStruct: DataPage = ParseDataPageHeader(ref r); return true;
                case 7 when t == ThriftCompactReader.TypeStruct: Dictionary = ParseDictionaryPageHeader(ref r); return true;
                case 8 when t == ThriftCompactReader.TypeStruct: DataPageV2 = ParseDataPageHeaderV2(ref r); return true;
                default: return false;
            }
        }
    }

    private static DataPageHeader ParseDataPageHeader(ref ThriftCompactReader r)
    {
        var f = new DataPageFields();
        ReadStruct(ref r, ref f);
        if (f.Values < 0 || f.Encoding < 0) throw ParquetErrors.Corrupt("data page header has a negative or missing value count or encoding");
        return new DataPageHeader(f.Values, (ParquetEncoding)f.Encoding, (ParquetEncoding)f.DefinitionEncoding, (ParquetEncoding)f.RepetitionEncoding);
    }

    private struct DataPageFields() : IFields
    {
        public int Values = -1, Encoding = -1, DefinitionEncoding, RepetitionEncoding;

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: Values = r.ReadI32(); return true;
                case 2 when t == ThriftCompactReader.TypeI32: Encoding = r.ReadI32(); return true;
                case 3 when t == ThriftCompactReader.TypeI32: DefinitionEncoding = r.ReadI32(); return true;
                case 4 when t == ThriftCompactReader.TypeI32: RepetitionEncoding = r.ReadI32(); return true;
                default: return false;
            }
        }
    }

    private static DataPageHeaderV2 ParseDataPageHeaderV2(ref ThriftCompactReader r)
    {
        var f = new DataPageV2Fields();
        ReadStruct(ref r, ref f);
        if (f.Values < 0 || f.Rows < 0 || f.Encoding < 0 || f.Nulls < 0 || f.DefinitionLength < 0 || f.RepetitionLength < 0)
            throw ParquetErrors.Corrupt("data page V2 header has a negative or missing count or length");
        return new DataPageHeaderV2(f.Values, f.Nulls, f.Rows, (ParquetEncoding)f.Encoding, f.DefinitionLength, f.RepetitionLength, f.Compressed);
    }

    private struct DataPageV2Fields() : IFields
    {
        public int Values = -1, Nulls, Rows = -1, Encoding = -1, DefinitionLength, RepetitionLength;
        public bool Compressed = true;

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: Values = r.ReadI32(); return true;
                case 2 when t == ThriftCompactReader.TypeI32: Nulls = r.ReadI32(); return true;
                case 3 when t == ThriftCompactReader.TypeI32: Rows = r.ReadI32(); return true;
                case 4 when t == ThriftCompactReader.TypeI32: Encoding = r.ReadI32(); return true;
                case 5 when t == ThriftCompactReader.TypeI32: DefinitionLength = r.ReadI32(); return true;
                case 6 when t == ThriftCompactReader.TypeI32: RepetitionLength = r.ReadI32(); return true;
                case 7 when t is ThriftCompactReader.TypeTrue or ThriftCompactReader.TypeFalse:
                    Compressed = ThriftCompactReader.BoolFromType(t);
                    return true;
                default: return false;
            }
        }
    }

    private static DictionaryPageHeader ParseDictionaryPageHeader(ref ThriftCompactReader r)
    {
        var f = new DictionaryPageFields();
        ReadStruct(ref r, ref f);
        if (f.Values < 0) throw ParquetErrors.Corrupt($"dictionary page header has a negative value count ({f.Values})");
        return new DictionaryPageHeader(f.Values, (ParquetEncoding)f.Encoding);
    }

    private struct DictionaryPageFields() : IFields
    {
        public int Values = -1, Encoding;

        public bool Read(ref ThriftCompactReader r, short id, byte t)
        {
            switch (id)
            {
                case 1 when t == ThriftCompactReader.TypeI32: Values = r.ReadI32(); return true;
                case 2 when t == ThriftCompactReader.TypeI32: Encoding = r.ReadI32(); return true;
                default: return false;
            }
        }
    }
}
