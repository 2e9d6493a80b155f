namespace Spectra.Data.Parquet.Codecs;

/// <summary>
/// Decompresses one page body into a buffer of exactly the size the page header declares; any
/// other size is an error (the size is checked against the memory limit before this is called).
/// </summary>
internal static class PageDecompressor
{
    public static void Decompress(CompressionCodec codec, ReadOnlySpan<byte> input, Span<byte> output)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                if (input.Length != output.Length)
                    throw ParquetErrors.Corrupt($"uncompressed page of {input.Length} bytes, the page header says {output.Length}");
                input.CopyTo(output);
                return;
            case CompressionCodec.Snappy:
                SnappyBlock.Decode(input, output);
                return;
            case CompressionCodec.Gzip:
                Gzip(input, output);
                return;
            case CompressionCodec.Brotli:
                Brotli(input, output);
                return;
            case CompressionCodec.Zstd:
                ZstdNative.Decompress(input, output);
                return;
            case CompressionCodec.Lz4Raw:
            {
                int written = Lz4Block.Decode(input, output);
                if (written != output.Length) throw ParquetErrors.Corrupt($"LZ4_RAW data decompressed to {written} bytes, the page header says {output.Length}");
                return;
            }
            case CompressionCodec.Lz4:
                Lz4Legacy.Decode(input, output);
                return;
            case CompressionCodec.Lzo:
                throw ParquetErrors.Unsupported("the LZO codec is not supported", "re-export the file with SNAPPY, ZSTD or GZIP compression");
            default:
                throw ParquetErrors.Unsupported($"unknown compression codec {(int)codec}", "re-export the file with SNAPPY, ZSTD or GZIP compression");
        }
    }

    private static unsafe void Gzip(ReadOnlySpan<byte> input, Span<byte> output)
    {
        fixed (byte* p = input)
        {
            using var source = new UnmanagedMemoryStream(p, input.Length);
            // GZipStream reads concatenated members one after another, as the format allows.
            using var gz = new GZipStream(source, CompressionMode.Decompress);
            ReadExactly(gz, output, "GZIP");
        }
    }

    private static unsafe void Brotli(ReadOnlySpan<byte> input, Span<byte> output)
    {
        fixed (byte* p = input)
        {
            using var source = new UnmanagedMemoryStream(p, input.Length);
            using var br = new BrotliStream(source, CompressionMode.Decompress);
            ReadExactly(br, output, "BROTLI");
        }
    }

    private static void ReadExactly(Stream s, Span<byte> output, string codec)
    {
        int filled = 0;
        try
        {
            while (filled < output.Length)
            {
                int n = s.Read(output.Slice(filled));
                if (n == 0) throw ParquetErrors.Corrupt($"{codec} data decompressed to {filled} bytes, the page header says {output.Length}");
                filled += n;
            }
            Span<byte> extra = stackalloc byte[1];
            if (s.Read(extra) != 0)
                throw ParquetErrors.Corrupt($"{codec} data decompresses to more than the {output.Length} bytes the page header says");
        }
        catch (InvalidDataException e)
        {
            throw ParquetErrors.Corrupt($"{codec} data is corrupt: {e.Message}");
        }
        catch (IOException e)
        {
            throw ParquetErrors.Corrupt($"{codec} data is corrupt: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // BrotliStream reports a corrupt stream this way.
            throw ParquetErrors.Corrupt($"{codec} data is corrupt: {e.Message}");
        }
    }
}
