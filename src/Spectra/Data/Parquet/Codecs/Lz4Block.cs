namespace Spectra.Data.Parquet.Codecs;

/// <summary>The LZ4 block format (sequences of literals and back-references), bounds-checked on both sides.</summary>
internal static class Lz4Block
{
    /// <summary>
    /// Decodes one block into <paramref name="output"/> from position <paramref name="start"/> (earlier bytes may be
    /// referenced, as in linked frame blocks); returns the bytes written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output, int start = 0)
    {
        int ip = 0, op = start;
        while (ip < input.Length)
        {
            int token = input[ip++];
            int literals = token >> 4;
            if (literals == 15) literals += ReadLength(input, ref ip);
            if (literals > input.Length - ip) throw ParquetErrors.Corrupt("LZ4 literals run past the compressed data");
            if (literals > output.Length - op) throw ParquetErrors.Corrupt("LZ4 output is larger than the page header says");
            input.Slice(ip, literals).CopyTo(output.Slice(op));
            ip += literals;
            op += literals;
            if (ip == input.Length) break; // the last sequence has literals only
            if (ip + 2 > input.Length) throw ParquetErrors.Corrupt("LZ4 match offset past the compressed data");
            int offset = input[ip] | (input[ip + 1] << 8);
            ip += 2;
            if (offset == 0 || offset > op) throw ParquetErrors.Corrupt($"LZ4 match offset {offset} points before the output start");
            int matchLength = token & 0x0F;
            if (matchLength == 15) matchLength += ReadLength(input, ref ip);
            matchLength += 4;
            if (matchLength > output.Length - op) throw ParquetErrors.Corrupt("LZ4 output is larger than the page header says");
            int from = op - offset;
            if (offset >= matchLength) output.Slice(from, matchLength).CopyTo(output.Slice(op));
            else for (int i = 0; i < matchLength; i++) output[op + i] = output[from + i];
            op += matchLength;
        }
        return op - start;
    }

    private static int ReadLength(ReadOnlySpan<byte> input, ref int ip)
    {
        int total = 0;
        byte b;
        do
        {
            if (ip >= input.Length) throw ParquetErrors.Corrupt("LZ4 length past the compressed data");
            b = input[ip++];
            total += b;
            if (total > int.MaxValue / 2) throw ParquetErrors.Corrupt("LZ4 length overflows");
        } while (b == 255);
        return total;
    }
}
