using System.IO.Compression;
using System.Runtime.CompilerServices;
using Spectra.Data.Images.Codecs;

namespace Spectra.Data.Images;

/// <summary>
/// The codecs Spectra knows, picked by a file's magic bytes. A gzip member is unwrapped first (IDX
/// datasets ship gzipped), with its expanded size bounded before anything is allocated for it.
/// </summary>
public static class ImageFormats
{
    /// <summary>How many leading bytes the probe pass reads; a header that does not fit is read from the whole file.</summary>
    public const int ProbeBytes = 64 * 1024;

    public static IReadOnlyList<IImageCodec> All { get; } =
        [new PngCodec(), new JpegCodec(), new NetpbmCodec(), new BmpCodec(), new NpyCodec(), new NpzCodec(), new IdxCodec()];

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
    public static byte[] GunzipHead(byte[] gz, int count = ProbeBytes)
    {
        try
        {
            using var z = new GZipStream(new MemoryStream(gz, false), CompressionMode.Decompress);
            var inner = new byte[count];
            int got = 0, n;
            while (got < count && (n = z.Read(inner, got, count - got)) > 0) got += n;
            return inner[..got];
        }
        catch (InvalidDataException e)
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
        try
        {
            using var z = new GZipStream(f, CompressionMode.Decompress);
            var inner = new byte[count];
            int got = 0, n;
            while (got < count && (n = z.Read(inner, got, count - got)) > 0) got += n;
            return inner[..got];
        }
        catch (InvalidDataException e)
        {
            throw SpectraException.Invalid("gzip data is corrupt (" + e.Message.TrimEnd('.') + ")");
        }
    }

    /// <summary>Reads a whole file, expanding it when gzipped (expanded size bounded by <paramref name="maxBytes"/>).</summary>
    public static byte[] ReadAll(string path, long maxBytes)
    {
        var raw = File.ReadAllBytes(path);
        return IsGzip(raw) ? Gunzip(raw, maxBytes) : raw;
    }

    public static byte[] Gunzip(byte[] raw, long maxBytes)
    {
        maxBytes = Math.Min(maxBytes, Array.MaxLength);
        // ISIZE (the last four bytes) gives the expanded size mod 2^32: a first guess for the buffer, never trusted beyond maxBytes.
        long guess = raw.Length >= 18 ? BitConverter.ToUInt32(raw, raw.Length - 4) : 0;
        var buffer = new MemoryStream((int)Math.Clamp(guess, 0, Math.Min(maxBytes, 256L << 20)));
        try
        {
            using var z = new GZipStream(new MemoryStream(raw, false), CompressionMode.Decompress);
            var block = new byte[81920];
            int n;
            while ((n = z.Read(block, 0, block.Length)) > 0)
            {
                if (buffer.Length + n > maxBytes)
                    throw new SpectraException(SpectraErrorKind.LimitExceeded, $"gzip data expands to more than {maxBytes} bytes",
                        hint: "raise the container limit (MaxContainerSamples) if the file is genuine");
                buffer.Write(block, 0, n);
            }
        }
        catch (InvalidDataException e)
        {
            throw SpectraException.Invalid("gzip data is corrupt (" + e.Message.TrimEnd('.') + ")");
        }
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
