using Spectra.Data.Images.Codecs.Fallback;

namespace Spectra.Data.Images;

/// <summary>
/// The codecs Spectra knows, picked by a file's magic bytes. A gzip member is unwrapped first (IDX
/// datasets ship gzipped), with its expanded size bounded before anything is allocated for it.
/// </summary>
internal static class ImageFormats
{
    /// <summary>How many leading bytes the probe pass reads; a header that does not fit is read from the whole file.</summary>
    public const int ProbeBytes = 64 * 1024;

    /// <summary>
    /// The in-house codecs, then the native fallback for what they do not read. An arithmetic-coded JPEG
    /// is claimed by the fallback ahead of the in-house JPEG codec, which reads Huffman coding only.
    /// </summary>
    public static IReadOnlyList<IImageCodec> All { get; } =
    [
        new PngCodec(), new SkiaCodec(FallbackFormat.ArithmeticJpeg), new JpegCodec(), new NetpbmCodec(), new BmpCodec(), new NpyCodec(), new NpzCodec(), new IdxCodec(),
        new SkiaCodec(FallbackFormat.WebP), new SkiaCodec(FallbackFormat.Gif), new SkiaCodec(FallbackFormat.Ico),
    ];

    /// <summary>The codec whose magic these bytes carry, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IImageCodec? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var c in All)
            if (c.Matches(head)) return c;
        return null;
    }

    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 8;

    /// <summary>The leading bytes of a gzip member's expansion, for detection and headers.</summary>
    public static byte[] GunzipHead(byte[] gz, int count = ProbeBytes) => ExpandHead(new MemoryStream(gz, false), count);

    private static byte[] ExpandHead(Stream gz, int count)
    {
        try
        {
            using var z = new GZipStream(gz, CompressionMode.Decompress);
            var inner = new byte[count];
            int got = 0, n;
            while (got < count && (n = z.Read(inner, got, count - got)) > 0) got += n;
            return inner[..got];
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw SpectraException.Invalid("gzip data is corrupt (" + e.Message.TrimEnd('.') + ")");
        }
    }

    /// <summary>Reads the first bytes of a file (expanded when gzipped) for format detection and the header.</summary>
    public static byte[] ReadHead(string path, int count = ProbeBytes)
    {
        using var f = File.OpenRead(path);
        var head = new byte[(int)Math.Min(count, f.Length)];
        f.ReadExactly(head);
        if (!IsGzip(head)) return head;
        f.Position = 0;
        return ExpandHead(f, count);
    }

    /// <summary>Reads a whole file, expanding it when gzipped (expanded size bounded by <paramref name="maxBytes"/>).</summary>
    public static byte[] ReadAll(string path, long maxBytes)
    {
        var raw = File.ReadAllBytes(path);
        return IsGzip(raw) ? Gunzip(raw, maxBytes) : raw;
    }

    /// <summary>
    /// A gzip member's expansion. An IDX file inside is inflated exactly as far as its header declares,
    /// once that size is checked against the compressed bytes and the run's memory budget; anything
    /// else grows in steps up to <paramref name="maxBytes"/> and what deflate and the budget allow.
    /// </summary>
    public static byte[] Gunzip(byte[] raw, long maxBytes)
    {
        maxBytes = Math.Min(Math.Min(maxBytes, Array.MaxLength), DeflateBound.MaxExpanded(raw.Length));
        var budget = MemoryBudget.Current;
        try
        {
            using var z = new GZipStream(new MemoryStream(raw, false), CompressionMode.Decompress);
            var head = new byte[IdxCodec.LongestHeader];
            int got = 0, n;
            while (got < head.Length && (n = z.Read(head, got, head.Length - got)) > 0) got += n;
            if (IdxCodec.DeclaredLength(head.AsSpan(0, got)) is { } declared)
            {
                if (declared < got) return head[..(int)declared];
                DeflateBound.Check(declared, raw.Length, "the gzipped IDX header");
                if (declared > maxBytes)
                    throw new SpectraException(SpectraErrorKind.LimitExceeded, $"the gzipped IDX header declares {declared} bytes, more than the limit of {maxBytes}",
                        hint: "raise the container limit (MaxContainerSamples) if the file is genuine");
                budget.Check(declared, "the expanded gzip data");
                var exact = new byte[declared];
                head.AsSpan(0, got).CopyTo(exact);
                try
                {
                    z.ReadExactly(exact, got, (int)declared - got);
                }
                catch (EndOfStreamException)
                {
                    throw SpectraException.Invalid($"gzip data ends before the {declared} bytes its IDX header declares",
                        hint: "the file is truncated; re-download it");
                }
                return exact;
            }
            // ISIZE (the last four bytes) gives the expanded size mod 2^32: a first guess for the buffer, never trusted beyond maxBytes.
            long guess = raw.Length >= 18 ? BitConverter.ToUInt32(raw, raw.Length - 4) : 0;
            var buffer = new MemoryStream((int)Math.Clamp(guess, got, Math.Max(got, Math.Min(Math.Min(maxBytes, budget.Available), 256L << 20))));
            buffer.Write(head, 0, got);
            var block = new byte[81920];
            while ((n = z.Read(block, 0, block.Length)) > 0)
            {
                if (buffer.Length + n > maxBytes)
                    throw new SpectraException(SpectraErrorKind.LimitExceeded, $"gzip data expands to more than {maxBytes} bytes",
                        hint: "the file is corrupt, or raise the container limit (MaxContainerSamples) if it is genuine");
                if (buffer.Length + n > buffer.Capacity) budget.Check(2.0 * buffer.Capacity, "the expanded gzip data");
                buffer.Write(block, 0, n);
            }
            return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw SpectraException.Invalid("gzip data is corrupt (" + e.Message.TrimEnd('.') + ")");
        }
    }
}
