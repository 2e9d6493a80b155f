namespace Spectra.Data.Parquet.Codecs;

/// <summary>The LZ4 frame format (magic, frame descriptor, size-prefixed blocks), as some legacy LZ4 pages hold.</summary>
internal static class Lz4Frame
{
    public static void Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int ip = 0, op = 0;
        while (ip < input.Length)
        {
            if (input.Length - ip < 7) throw ParquetErrors.Corrupt("LZ4 frame header is truncated");
            uint magic = BinaryPrimitives.ReadUInt32LittleEndian(input.Slice(ip));
            if (magic is >= 0x184D2A50 and <= 0x184D2A5F)
            {
                // Skippable frame.
                uint size = BinaryPrimitives.ReadUInt32LittleEndian(input.Slice(ip + 4));
                if (size > (uint)(input.Length - ip - 8)) throw ParquetErrors.Corrupt("LZ4 skippable frame past the data");
                ip += 8 + (int)size;
                continue;
            }
            if (magic != 0x184D2204) throw ParquetErrors.Corrupt("LZ4 frame magic number missing");
            ip += 4;
            byte flags = input[ip];
            if (flags >> 6 != 1) throw ParquetErrors.Unsupported("LZ4 frame version other than 1");
            bool blockChecksum = (flags & 0x10) != 0, contentSize = (flags & 0x08) != 0, contentChecksum = (flags & 0x04) != 0, dictId = (flags & 0x01) != 0;
            int descriptor = 2 + (contentSize ? 8 : 0) + (dictId ? 4 : 0) + 1;
            if (input.Length - ip < descriptor) throw ParquetErrors.Corrupt("LZ4 frame descriptor is truncated");
            ip += descriptor;
            while (true)
            {
                if (input.Length - ip < 4) throw ParquetErrors.Corrupt("LZ4 frame block size is truncated");
                uint blockSize = BinaryPrimitives.ReadUInt32LittleEndian(input.Slice(ip));
                ip += 4;
                if (blockSize == 0) break;
                bool stored = (blockSize & 0x80000000) != 0;
                int size = (int)(blockSize & 0x7FFFFFFF);
                if (size > input.Length - ip) throw ParquetErrors.Corrupt("LZ4 frame block past the data");
                var block = input.Slice(ip, size);
                if (stored)
                {
                    if (size > output.Length - op) throw ParquetErrors.Corrupt("LZ4 output is larger than the page header says");
                    block.CopyTo(output.Slice(op));
                    op += size;
                }
                else op += Lz4Block.Decode(block, output, op);
                ip += size + (blockChecksum ? 4 : 0);
                if (ip > input.Length) throw ParquetErrors.Corrupt("LZ4 frame block checksum past the data");
            }
            ip += contentChecksum ? 4 : 0;
            if (ip > input.Length) throw ParquetErrors.Corrupt("LZ4 frame checksum past the data");
        }
        if (op != output.Length) throw ParquetErrors.Corrupt($"LZ4 frame decompressed to {op} bytes, the page header says {output.Length}");
    }
}
