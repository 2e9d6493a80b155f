namespace Spectra.Data.Parquet.Encodings;

/// <summary>
/// DELTA_BINARY_PACKED: a header (block size, miniblocks per block, value count, first value) and
/// blocks of bit-packed deltas above a per-block minimum. Arithmetic wraps like the writers' does.
/// </summary>
internal static class DeltaBinaryPacked
{
    /// <summary>Reads the value count from the header without decoding.</summary>
    public static int PeekCount(ReadOnlySpan<byte> data)
    {
        int pos = 0;
        RleBitPackedHybrid.ReadUleb(data, ref pos);
        RleBitPackedHybrid.ReadUleb(data, ref pos);
        ulong total = RleBitPackedHybrid.ReadUleb(data, ref pos);
        if (total > int.MaxValue) throw ParquetErrors.Corrupt($"DELTA_BINARY_PACKED declares {total} values");
        return (int)total;
    }

    /// <summary>
    /// Decodes the first <paramref name="output"/>.Length values (the header may declare more, never fewer).
    /// Returns the bytes consumed, which is exact only when every declared value was decoded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Decode(ReadOnlySpan<byte> data, Span<long> output, bool is32Bit)
    {
        int pos = 0;
        ulong blockSize = RleBitPackedHybrid.ReadUleb(data, ref pos);
        ulong miniblocks = RleBitPackedHybrid.ReadUleb(data, ref pos);
        ulong total = RleBitPackedHybrid.ReadUleb(data, ref pos);
        long value = RleBitPackedHybrid.ReadZigZag(data, ref pos);
        if (blockSize == 0 || blockSize % 128 != 0 || blockSize > 1 << 20)
            throw ParquetErrors.Corrupt($"DELTA_BINARY_PACKED block size {blockSize} is not a positive multiple of 128");
        if (miniblocks == 0 || blockSize % miniblocks != 0 || blockSize / miniblocks % 32 != 0)
            throw ParquetErrors.Corrupt($"DELTA_BINARY_PACKED has {miniblocks} miniblocks per block of {blockSize}");
        if (total < (ulong)output.Length)
            throw ParquetErrors.Corrupt($"DELTA_BINARY_PACKED holds {total} values where {output.Length} are needed");
        int perMini = (int)(blockSize / miniblocks);
        int n = output.Length;
        if (n == 0) return pos;
        output[0] = is32Bit ? (int)value : value;
        int filled = 1;
        long remainingDeclared = (long)total - 1;
        Span<byte> widths = stackalloc byte[(int)Math.Min(miniblocks, 1024)];
        if ((int)miniblocks > widths.Length) throw ParquetErrors.Corrupt("DELTA_BINARY_PACKED has more than 1024 miniblocks per block");
        while (remainingDeclared > 0)
        {
            long minDelta = RleBitPackedHybrid.ReadZigZag(data, ref pos);
            if (pos + (int)miniblocks > data.Length) throw ParquetErrors.Corrupt("DELTA_BINARY_PACKED block header past the end of the data");
            data.Slice(pos, (int)miniblocks).CopyTo(widths);
            pos += (int)miniblocks;
            for (int m = 0; m < (int)miniblocks && remainingDeclared > 0; m++)
            {
                int width = widths[m];
                if (width > 64) throw ParquetErrors.Corrupt($"DELTA_BINARY_PACKED miniblock bit width {width}");
                int bytes = perMini * width / 8;
                int take = (int)Math.Min(perMini, remainingDeclared);
                // The last miniblock may be truncated by some writers when no values remain; only the needed bytes must exist.
                int neededBytes = (int)(((long)take * width + 7) / 8);
                if (pos + neededBytes > data.Length) throw ParquetErrors.Corrupt("DELTA_BINARY_PACKED miniblock past the end of the data");
                int want = Math.Min(take, n - filled);
                if (want > 0)
                {
                    UnpackDeltas(data.Slice(pos), width, minDelta, ref value, output.Slice(filled, want), is32Bit);
                    filled += want;
                }
                remainingDeclared -= take;
                pos += Math.Min(bytes, data.Length - pos);
                if (filled == n && remainingDeclared > 0)
                {
                    // Every needed value is out; skip the rest without decoding (its length is not needed by callers).
                    return pos;
                }
            }
        }
        return pos;
    }

    private static void UnpackDeltas(ReadOnlySpan<byte> data, int width, long minDelta, ref long value, Span<long> output, bool is32Bit)
    {
        if (width == 0)
        {
            for (int i = 0; i < output.Length; i++)
            {
                value = unchecked(value + minDelta);
                if (is32Bit) value = (int)value;
                output[i] = value;
            }
            return;
        }
        ulong mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        long bitPos = 0;
        for (int i = 0; i < output.Length; i++)
        {
            ulong raw = ReadBits(data, bitPos, width) & mask;
            bitPos += width;
            value = unchecked(value + minDelta + (long)raw);
            if (is32Bit) value = (int)value;
            output[i] = value;
        }
    }

    private static ulong ReadBits(ReadOnlySpan<byte> data, long bitPos, int width)
    {
        int start = (int)(bitPos >> 3);
        int shift = (int)(bitPos & 7);
        int bytesNeeded = (shift + width + 7) / 8;
        ulong lo = 0;
        int first = Math.Min(bytesNeeded, 8);
        for (int b = 0; b < first; b++) lo |= (ulong)data[start + b] << (8 * b);
        ulong result = lo >> shift;
        if (bytesNeeded > 8) result |= (ulong)data[start + 8] << (64 - shift);
        return result;
    }
}
