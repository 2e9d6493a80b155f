namespace Spectra.Data.Parquet.Codecs;

/// <summary>
/// The Snappy block format (a varint length, then literals and back-references), decoded straight
/// into the caller's buffer. Every length and offset is checked against both buffers before a byte
/// moves; the fast paths only over-copy into output bytes that later elements overwrite.
/// </summary>
/// <remarks>
/// Written in-house rather than through a package: a decoder that returns a fresh array per page
/// costs a page fault per 4 KiB of output on large pages, which made Snappy the slowest step of a
/// Parquet read.
/// </remarks>
internal static class SnappyBlock
{
    /// <summary>Decodes a whole block into <paramref name="output"/>, whose length must be the declared length.</summary>
    public static void Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int ip = 0;
        ulong declared = RleBitPackedHybrid.ReadUleb(input, ref ip); // the preamble is a plain varint
        if (declared != (ulong)output.Length)
            throw ParquetErrors.Corrupt($"Snappy data declares {declared} bytes, the page header says {output.Length}");
        int op = DecodeElements(input, ip, output);
        if (op != output.Length)
            throw ParquetErrors.Corrupt($"Snappy data decompressed to {op} bytes, the page header says {output.Length}");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecodeElements(ReadOnlySpan<byte> input, int ip, Span<byte> output)
    {
        ref byte src = ref MemoryMarshal.GetReference(input);
        ref byte dst = ref MemoryMarshal.GetReference(output);
        int inLength = input.Length, outLength = output.Length, op = 0;
        while (ip < inLength)
        {
            int tag = Unsafe.Add(ref src, ip++);
            int length, offset;
            switch (tag & 3)
            {
                case 0:
                {
                    length = (tag >> 2) + 1;
                    if (length > 60)
                    {
                        int extra = length - 60; // 1…4 little-endian bytes hold length − 1
                        if (extra > inLength - ip) throw ParquetErrors.Corrupt("Snappy literal length runs past the compressed data");
                        uint v = 0;
                        for (int k = 0; k < extra; k++) v |= (uint)Unsafe.Add(ref src, ip + k) << (8 * k);
                        ip += extra;
                        if (v >= int.MaxValue) throw ParquetErrors.Corrupt("Snappy literal length overflows");
                        length = (int)v + 1;
                    }
                    if (length > inLength - ip) throw ParquetErrors.Corrupt("Snappy literal runs past the compressed data");
                    if (length > outLength - op) throw ParquetErrors.Corrupt("Snappy output is larger than the page header says");
                    if (length <= 16 && inLength - ip >= 16 && outLength - op >= 16)
                        Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref dst, op), ref Unsafe.Add(ref src, ip), 16);
                    else input.Slice(ip, length).CopyTo(output.Slice(op));
                    ip += length;
                    op += length;
                    continue;
                }
                case 1:
                    if (ip >= inLength) throw ParquetErrors.Corrupt("Snappy copy runs past the compressed data");
                    length = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | Unsafe.Add(ref src, ip++);
                    break;
                case 2:
                    if (2 > inLength - ip) throw ParquetErrors.Corrupt("Snappy copy runs past the compressed data");
                    length = (tag >> 2) + 1;
                    offset = Unsafe.Add(ref src, ip) | (Unsafe.Add(ref src, ip + 1) << 8);
                    ip += 2;
                    break;
                default:
                {
                    if (4 > inLength - ip) throw ParquetErrors.Corrupt("Snappy copy runs past the compressed data");
                    length = (tag >> 2) + 1;
                    uint o = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref src, ip));
                    if (!BitConverter.IsLittleEndian) o = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(o);
                    if (o > int.MaxValue) throw ParquetErrors.Corrupt($"Snappy copy offset {o} points before the output start");
                    offset = (int)o;
                    ip += 4;
                    break;
                }
            }
            if (offset == 0 || offset > op) throw ParquetErrors.Corrupt($"Snappy copy offset {offset} points before the output start");
            if (length > outLength - op) throw ParquetErrors.Corrupt("Snappy output is larger than the page header says");
            Copy(ref dst, op, offset, length, outLength);
            op += length;
        }
        return op;
    }

    // Back-references: copy lengths are at most 64, so 8-byte steps cover most of them in a few moves.
    // With offset ≥ 8 each 8-byte read lies wholly in bytes already written, so overlapping runs stay exact.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(ref byte dst, int op, int offset, int length, int outLength)
    {
        ref byte to = ref Unsafe.Add(ref dst, op);
        ref byte from = ref Unsafe.Add(ref dst, op - offset);
        if (offset >= 8 && outLength - op >= length + 8)
        {
            for (int k = 0; k < length; k += 8)
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, k), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, k)));
            return;
        }
        for (int k = 0; k < length; k++) Unsafe.Add(ref to, k) = Unsafe.Add(ref from, k);
    }
}
