namespace Spectra.Data.Parquet.Encodings;

/// <summary>Receives one decoded byte-array value.</summary>
internal delegate void ByteArrayVisitor(int index, ReadOnlySpan<byte> value);

/// <summary>The byte-array encodings: PLAIN (length-prefixed), DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY.</summary>
internal static class ByteArrayDecoders
{
    public static int DecodePlain(ReadOnlySpan<byte> data, int count, ByteArrayVisitor visit)
    {
        int pos = 0;
        for (int i = 0; i < count; i++)
        {
            if (pos + 4 > data.Length) throw ParquetErrors.Corrupt($"byte-array value {i} has no length prefix");
            uint len = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(pos));
            pos += 4;
            if (len > (uint)(data.Length - pos)) throw ParquetErrors.Corrupt($"byte-array value {i} of {len} bytes runs past the page");
            visit(i, data.Slice(pos, (int)len));
            pos += (int)len;
        }
        return pos;
    }

    /// <summary>Decodes a whole DELTA_BINARY_PACKED run of lengths (all declared values) and returns them with the bytes used.</summary>
    private static long[] DecodeAllLengths(ReadOnlySpan<byte> data, int atLeast, out int consumed)
    {
        int total = DeltaBinaryPacked.PeekCount(data);
        if (total < atLeast) throw ParquetErrors.Corrupt($"delta lengths hold {total} values where {atLeast} are needed");
        // Each declared value takes at least one bit is not guaranteed (width 0), so bound by the caller's count instead.
        if (total > atLeast + 1024 && total > data.Length * 8L)
            throw ParquetErrors.Corrupt($"delta lengths declare {total} values in {data.Length} bytes");
        var lengths = new long[total];
        consumed = DeltaBinaryPacked.Decode(data, lengths, is32Bit: true);
        return lengths;
    }

    public static void DecodeDeltaLength(ReadOnlySpan<byte> data, int count, ByteArrayVisitor visit)
    {
        var lengths = DecodeAllLengths(data, count, out int pos);
        for (int i = 0; i < count; i++)
        {
            long len = lengths[i];
            if (len < 0 || len > data.Length - pos) throw ParquetErrors.Corrupt($"byte-array value {i} of {len} bytes runs past the page");
            visit(i, data.Slice(pos, (int)len));
            pos += (int)len;
        }
    }

    public static void DecodeDeltaByteArray(ReadOnlySpan<byte> data, int count, ByteArrayVisitor visit)
    {
        var prefixes = DecodeAllLengths(data, count, out int used);
        var rest = data.Slice(used);
        var suffixLengths = DecodeAllLengths(rest, count, out int pos);
        byte[] previous = Array.Empty<byte>();
        byte[] current = new byte[64];
        for (int i = 0; i < count; i++)
        {
            long prefix = prefixes[i], len = suffixLengths[i];
            if (prefix < 0 || prefix > previous.Length) throw ParquetErrors.Corrupt($"DELTA_BYTE_ARRAY prefix {prefix} of value {i} is longer than the previous value");
            if (len < 0 || len > rest.Length - pos) throw ParquetErrors.Corrupt($"DELTA_BYTE_ARRAY suffix of value {i} runs past the page");
            int total = (int)prefix + (int)len;
            if (current.Length < total) current = new byte[Math.Max(total, current.Length * 2)];
            previous.AsSpan(0, (int)prefix).CopyTo(current);
            rest.Slice(pos, (int)len).CopyTo(current.AsSpan((int)prefix));
            pos += (int)len;
            visit(i, current.AsSpan(0, total));
            var value = current.AsSpan(0, total).ToArray();
            previous = value;
        }
    }
}
