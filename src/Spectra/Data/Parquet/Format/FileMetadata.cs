namespace Spectra.Data.Parquet.Format;

/// <summary>A logical type annotation with the parameters Spectra uses.</summary>
internal sealed record LogicalType(LogicalTypeKind Kind, int Scale = 0, int Precision = 0, int BitWidth = 0, bool IsSigned = true);

/// <summary>One node of the flattened schema list in the footer.</summary>
internal sealed record SchemaElement(
    string Name, PhysicalType? Type, int TypeLength, Repetition? Repetition, int NumChildren,
    ConvertedType ConvertedType, int Scale, int Precision, LogicalType? LogicalType);

internal sealed record ColumnMetaData(
    PhysicalType Type, IReadOnlyList<ParquetEncoding> Encodings, IReadOnlyList<string> PathInSchema, CompressionCodec Codec,
    long NumValues, long TotalUncompressedSize, long TotalCompressedSize, long DataPageOffset, long? DictionaryPageOffset);

internal sealed record ColumnChunkMeta(string? FilePath, long FileOffset, ColumnMetaData? MetaData, bool Encrypted);

internal sealed record RowGroupMeta(IReadOnlyList<ColumnChunkMeta> Columns, long TotalByteSize, long NumRows);

internal sealed record FileMetaData(
    int Version, IReadOnlyList<SchemaElement> Schema, long NumRows, IReadOnlyList<RowGroupMeta> RowGroups,
    string? CreatedBy, bool Encrypted);

internal sealed record DataPageHeader(int NumValues, ParquetEncoding Encoding, ParquetEncoding DefinitionLevelEncoding,
    ParquetEncoding RepetitionLevelEncoding);

internal sealed record DataPageHeaderV2(int NumValues, int NumNulls, int NumRows, ParquetEncoding Encoding,
    int DefinitionLevelsByteLength, int RepetitionLevelsByteLength, bool IsCompressed);

internal sealed record DictionaryPageHeader(int NumValues, ParquetEncoding Encoding);

internal sealed record PageHeader(PageType Type, int UncompressedPageSize, int CompressedPageSize, int? Crc,
    DataPageHeader? DataPage, DataPageHeaderV2? DataPageV2, DictionaryPageHeader? DictionaryPage);
