namespace Spectra.Data.Parquet.Encodings;

/// <summary>
/// Structural checks of a page's values for columns Spectra does not decode (INT96, binary,
/// structs, maps): the encoded values must exist in the page, without converting them.
/// </summary>
internal static class RawValues
{
    public static void Check(ParquetColumn column, ParquetEncoding encoding, ReadOnlySpan<byte> data, int count)
    {
        if (count == 0) return;
        int width = column.PhysicalType switch
        {
            PhysicalType.Int32 or PhysicalType.Float => 4,
            PhysicalType.Int64 or PhysicalType.Double => 8,
            PhysicalType.Int96 => 12,
            PhysicalType.FixedLenByteArray => column.TypeLength,
            _ => 0,
        };
        if (column.PhysicalType == PhysicalType.FixedLenByteArray && width <= 0)
            throw ParquetErrors.Corrupt($"FIXED_LEN_BYTE_ARRAY length {width} is out of range");
        switch (encoding)
        {
            case ParquetEncoding.Plain when column.PhysicalType == PhysicalType.Boolean:
                if ((count + 7L) / 8 > data.Length) throw ParquetErrors.Corrupt($"PLAIN booleans need {(count + 7L) / 8} bytes, the page has {data.Length}");
                return;
            case ParquetEncoding.Plain when column.PhysicalType == PhysicalType.ByteArray:
                ByteArrayDecoders.DecodePlain(data, count, static (_, _) => { });
                return;
            case ParquetEncoding.Plain:
                if ((long)count * width > data.Length) throw ParquetErrors.Corrupt($"PLAIN values need {(long)count * width} bytes, the page has {data.Length}");
                return;
            case ParquetEncoding.Rle when column.PhysicalType == PhysicalType.Boolean:
            {
                if (data.Length < 4) throw ParquetErrors.Corrupt("RLE booleans lack their length prefix");
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(data);
                if (length > data.Length - 4) throw ParquetErrors.Corrupt($"RLE booleans of {length} bytes run past the page");
                RleBitPackedHybrid.Decode(data.Slice(4, (int)length), 1, new int[count], 1);
                return;
            }
            case ParquetEncoding.DeltaBinaryPacked when column.PhysicalType is PhysicalType.Int32 or PhysicalType.Int64:
                DeltaBinaryPacked.Decode(data, new long[count], column.PhysicalType == PhysicalType.Int32);
                return;
            case ParquetEncoding.ByteStreamSplit when width > 0:
                if (data.Length % width != 0 || data.Length / width < count)
                    throw ParquetErrors.Corrupt($"BYTE_STREAM_SPLIT data of {data.Length} bytes does not hold {count} values of {width} bytes");
                return;
            case ParquetEncoding.DeltaLengthByteArray when column.PhysicalType == PhysicalType.ByteArray:
                ByteArrayDecoders.DecodeDeltaLength(data, count, static (_, _) => { });
                return;
            case ParquetEncoding.DeltaByteArray when column.PhysicalType is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray:
                ByteArrayDecoders.DecodeDeltaByteArray(data, count, static (_, _) => { });
                return;
            default:
                throw ParquetErrors.Unsupported($"encoding {encoding} on a {column.TypeDescription} column is not supported");
        }
    }
}
