namespace Spectra.Data.Parquet.Encodings;

/// <summary>
/// The RLE / bit-packed hybrid encoding of definition and repetition levels, dictionary indices and
/// RLE booleans: runs of one repeated value, or groups of 8 values bit-packed LSB first.
/// </summary>
internal static class RleBitPackedHybrid
{
    /// <summary>
    /// Decodes exactly <paramref name="output"/>.Length values of <paramref name="bitWidth"/> bits.
    /// Returns the number of input bytes consumed. Values above <paramref name="maxValue"/> are refused.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Decode<T>(ReadOnlySpan<byte> data, int bitWidth, Span<T> output, int maxValue) where T : unmanaged, IBinaryInteger<T>
    {
        if (bitWidth is < 0 or > 32) throw ParquetErrors.Corrupt($"RLE bit width {bitWidth} is out of range");
        int pos = 0, filled = 0, n = output.Length;
        int byteWidth = (bitWidth + 7) / 8;
        while (filled < n)
        {
            ulong header = ReadUleb(data, ref pos);
            if ((header & 1) == 0)
            {
                ulong count64 = header >> 1;
                if (count64 == 0) throw ParquetErrors.Corrupt("RLE run of length zero");
                if (pos + byteWidth > data.Length) throw ParquetErrors.Corrupt("RLE run value past the end of the data");
                uint value = 0;
                for (int b = 0; b < byteWidth; b++) value |= (uint)data[pos + b] << (8 * b);
                pos += byteWidth;
                if (value > (uint)maxValue) throw ParquetErrors.Corrupt($"RLE value {value} exceeds the maximum {maxValue}");
                int count = (int)Math.Min(count64, (ulong)(n - filled));
                output.Slice(filled, count).Fill(T.CreateTruncating(value));
                filled += count;
            }
            else
            {
                ulong groups = header >> 1;
                if (groups == 0) throw ParquetErrors.Corrupt("bit-packed run of zero groups");
                ulong bytes = groups * (ulong)bitWidth;
                // A final bit-packed run may be cut short by writers; take what is there but never read past the data.
                ulong available = (ulong)(data.Length - pos);
                ulong usable = Math.Min(bytes, available);
                int values = (int)Math.Min(groups * 8, (ulong)(n - filled));
                if (bitWidth > 0 && (ulong)values * (ulong)bitWidth > usable * 8)
                    throw ParquetErrors.Corrupt("bit-packed run past the end of the data");
                UnpackLsb(data.Slice(pos, (int)usable), bitWidth, output.Slice(filled, values), maxValue);
                filled += values;
                pos += (int)usable;
            }
        }
        return pos;
    }

    /// <summary>Unpacks values stored LSB first, <paramref name="bitWidth"/> bits each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UnpackLsb<T>(ReadOnlySpan<byte> data, int bitWidth, Span<T> output, int maxValue) where T : unmanaged, IBinaryInteger<T>
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }
        ulong buffer = 0;
        int bits = 0, pos = 0;
        uint mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        for (int i = 0; i < output.Length; i++)
        {
            while (bits < bitWidth)
            {
                buffer |= (ulong)data[pos++] << bits;
                bits += 8;
            }
            uint v = (uint)buffer & mask;
            buffer >>= bitWidth;
            bits -= bitWidth;
            if (v > (uint)maxValue) throw ParquetErrors.Corrupt($"bit-packed value {v} exceeds the maximum {maxValue}");
            output[i] = T.CreateTruncating(v);
        }
    }

    /// <summary>The deprecated BIT_PACKED level encoding: values packed MSB first, no run headers.</summary>
    public static int DecodeLegacyBitPacked<T>(ReadOnlySpan<byte> data, int bitWidth, Span<T> output, int maxValue) where T : unmanaged, IBinaryInteger<T>
    {
        long needed = ((long)output.Length * bitWidth + 7) / 8;
        if (needed > data.Length) throw ParquetErrors.Corrupt("BIT_PACKED levels past the end of the data");
        long bit = 0;
        for (int i = 0; i < output.Length; i++)
        {
            int v = 0;
            for (int b = 0; b < bitWidth; b++, bit++)
                v = (v << 1) | ((data[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
            if (v > maxValue) throw ParquetErrors.Corrupt($"bit-packed level {v} exceeds the maximum {maxValue}");
            output[i] = T.CreateTruncating(v);
        }
        return (int)needed;
    }

    public static ulong ReadUleb(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length) throw ParquetErrors.Corrupt("varint past the end of the data");
            byte b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw ParquetErrors.Corrupt("varint longer than 64 bits");
    }

    public static long ReadZigZag(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong v = ReadUleb(data, ref pos);
        return (long)(v >> 1) ^ -(long)(v & 1);
    }

    /// <summary>Bits needed to store values 0 … <paramref name="max"/>.</summary>
    public static int BitWidth(int max) => max == 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)max);
}
