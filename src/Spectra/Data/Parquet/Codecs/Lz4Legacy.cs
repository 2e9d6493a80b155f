namespace Spectra.Data.Parquet.Codecs;

/// <summary>
/// Parquet's deprecated LZ4 codec, which writers filled three ways: Hadoop framing (big-endian
/// decompressed and compressed sizes before each block), the LZ4 frame format, or a bare block.
/// The three are told apart by trying the stricter layouts first.
/// </summary>
internal static class Lz4Legacy
{
    public static void Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (TryHadoop(input, output)) return;
        if (input.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(input) == 0x184D2204)
        {
            Lz4Frame.Decode(input, output);
            return;
        }
        int written = Lz4Block.Decode(input, output);
        if (written != output.Length)
            throw ParquetErrors.Corrupt($"LZ4 data decompressed to {written} bytes, the page header says {output.Length}");
    }

    private static bool TryHadoop(ReadOnlySpan<byte> input, Span<byte> output)
    {
        // Validate the whole framing before decoding, so that a bare block is never misread as framed.
        int ip = 0, total = 0;
        while (ip < input.Length)
        {
            if (input.Length - ip < 8) return false;
            uint raw = BinaryPrimitives.ReadUInt32BigEndian(input.Slice(ip));
            uint packed = BinaryPrimitives.ReadUInt32BigEndian(input.Slice(ip + 4));
            if (packed > (uint)(input.Length - ip - 8) || raw > (uint)(output.Length - total)) return false;
            ip += 8 + (int)packed;
            total += (int)raw;
        }
        if (total != output.Length || input.Length == 0) return false;
        ip = 0;
        int op = 0;
        while (ip < input.Length)
        {
            int raw = (int)BinaryPrimitives.ReadUInt32BigEndian(input.Slice(ip));
            int packed = (int)BinaryPrimitives.ReadUInt32BigEndian(input.Slice(ip + 4));
            int written;
            try
            {
                written = Lz4Block.Decode(input.Slice(ip + 8, packed), output.Slice(op, raw));
            }
            catch (SpectraException) when (op == 0)
            {
                return false;
            }
            if (written != raw) throw ParquetErrors.Corrupt($"Hadoop LZ4 block decompressed to {written} bytes, its frame says {raw}");
            ip += 8 + packed;
            op += raw;
        }
        return true;
    }
}
