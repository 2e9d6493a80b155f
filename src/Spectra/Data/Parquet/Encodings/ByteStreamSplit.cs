namespace Spectra.Data.Parquet.Encodings;

/// <summary>BYTE_STREAM_SPLIT: byte k of every value stored together; reassembled here into the PLAIN layout.</summary>
internal static class ByteStreamSplit
{
    /// <summary>Writes <paramref name="count"/> values of <paramref name="width"/> bytes in PLAIN order into <paramref name="plain"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Join(ReadOnlySpan<byte> data, int width, int count, Span<byte> plain)
    {
        if (width <= 0) throw ParquetErrors.Corrupt("BYTE_STREAM_SPLIT on a zero-width type");
        if (data.Length % width != 0)
            throw ParquetErrors.Corrupt($"BYTE_STREAM_SPLIT data of {data.Length} bytes is not a multiple of the {width}-byte value width");
        int streamLength = data.Length / width;
        if (streamLength < count) throw ParquetErrors.Corrupt($"BYTE_STREAM_SPLIT holds {streamLength} values where {count} are needed");
        for (int k = 0; k < width; k++)
        {
            var stream = data.Slice(k * streamLength, count);
            for (int i = 0; i < count; i++) plain[i * width + k] = stream[i];
        }
    }
}
