namespace Spectra.Data.Parquet;

/// <summary>
/// Binary mode: a flat BYTE_ARRAY column read as the bytes of each value (encoded images), not as text.
/// Every value is a copy, so the chunk's uncompressed size is checked against the limits first.
/// </summary>
internal sealed partial class ColumnChunkReader
{
    private readonly bool _binary;
    private byte[]?[]? _binaryDictionary;

    private void AllocateBinaries(ColumnMetaData meta)
    {
        CheckMemory(meta.TotalUncompressedSize + 16L * _rows, "the column's binary values");
        _result.Binaries = new byte[]?[_rows];
    }

    private void ReadBinaryDictionary(ReadOnlySpan<byte> data, int n)
    {
        if (n > data.Length / 4) throw ParquetErrors.Corrupt($"the dictionary declares {n} values in {data.Length} bytes");
        var dict = new byte[]?[n];
        ByteArrayDecoders.DecodePlain(data, n, (i, v) => dict[i] = v.ToArray());
        _binaryDictionary = dict;
    }

    private void DecodeBinary(ParquetEncoding encoding, ReadOnlySpan<byte> data, byte[]?[] output)
    {
        int n = output.Length;
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                ByteArrayDecoders.DecodePlain(data, n, (i, v) => output[i] = v.ToArray());
                return;
            case ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary:
            {
                var dict = _binaryDictionary ?? throw ParquetErrors.Corrupt("a dictionary-encoded page without a dictionary page");
                var idx = Indices(data, n, dict.Length);
                for (int i = 0; i < n; i++) output[i] = dict[idx[i]];
                return;
            }
            case ParquetEncoding.DeltaLengthByteArray:
                ByteArrayDecoders.DecodeDeltaLength(data, n, (i, v) => output[i] = v.ToArray());
                return;
            case ParquetEncoding.DeltaByteArray:
                ByteArrayDecoders.DecodeDeltaByteArray(data, n, (i, v) => output[i] = v.ToArray());
                return;
            default:
                throw ParquetErrors.Unsupported($"encoding {encoding} on a binary column is not supported");
        }
    }
}
