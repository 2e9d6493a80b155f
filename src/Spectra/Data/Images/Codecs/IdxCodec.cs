namespace Spectra.Data.Images.Codecs;

/// <summary>
/// The IDX format MNIST-style datasets ship in: magic 0x0000, a type byte, a dimension count, big-endian
/// sizes, then the raw values. N × H × W (or N × H × W × C) is a stack of N images; unsigned bytes are
/// levels of 255, the other types are taken as they are. (Gzipped files are unwrapped by <see cref="ImageFormats"/>.)
/// </summary>
internal sealed class IdxCodec : IImageCodec
{
    private const string Codec = "IDX";

    public string Name => Codec;

    public bool Matches(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 0 && head[1] == 0 && ElementSize(head[2]) > 0 && head[3] is >= 1 and <= 4;

    private static int ElementSize(byte type) => type switch
    {
        0x08 or 0x09 => 1,
        0x0B => 2,
        0x0C or 0x0D => 4,
        0x0E => 8,
        _ => 0,
    };

    private readonly record struct Layout(byte Type, int Count, int Height, int Width, int Channels, int DataStart);

    private static Layout ReadLayout(ReadOnlySpan<byte> d, ImageDecodeLimits limits)
    {
        if (d.Length < 4 || d[0] != 0 || d[1] != 0) throw SpectraException.Invalid("IDX magic number is missing");
        byte type = d[2];
        if (ElementSize(type) == 0) throw SpectraException.Unsupported($"IDX element type 0x{type:X2} is not defined");
        int dims = d[3];
        if (dims < 3)
            throw SpectraException.Invalid($"IDX file has {dims} dimension(s): it holds labels or vectors, not images",
                hint: "give the *-idx3-ubyte images file, not the *-idx1-ubyte labels");
        if (dims > 4) throw SpectraException.Unsupported($"IDX file has {dims} dimensions (images need 3: count × height × width, or 4 with channels)");
        var size = new long[dims];
        for (int i = 0; i < dims; i++) size[i] = Bytes.U32BE(d, 4 + 4 * i, Codec);
        long channels = dims == 4 ? size[3] : 1;
        if (channels is < 1 or > 4) throw SpectraException.Unsupported($"IDX images with {channels} channels (1 to 4 are supported)");
        if (size[0] > int.MaxValue) throw SpectraException.Invalid("IDX image count out of range");
        limits.CheckPixels(size[2], size[1], Codec);
        limits.CheckContainer(size[0], size[1] * size[2] * channels, Codec);
        return new Layout(type, (int)size[0], (int)size[1], (int)size[2], (int)channels, 4 + 4 * dims);
    }

    /// <summary>Bytes of the longest IDX header (magic and four sizes).</summary>
    internal const int LongestHeader = 4 + 4 * 4;

    /// <summary>The file length an IDX header declares (header and values), or null when the bytes are not a complete IDX header.</summary>
    internal static long? DeclaredLength(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4 || head[0] != 0 || head[1] != 0 || ElementSize(head[2]) == 0 || head[3] is < 1 or > 4) return null;
        int dims = head[3];
        if (head.Length < 4 + 4 * dims) return null;
        // In doubles: four 32-bit sizes overflow a long. Past 2^50 is past any real file, and the caller's limits refuse it.
        double length = ElementSize(head[2]);
        for (int i = 0; i < dims; i++) length *= BinaryPrimitives.ReadUInt32BigEndian(head[(4 + 4 * i)..]);
        return 4 + 4 * dims + (long)Math.Min(length, 1L << 50);
    }

    public ImageHeader? TryReadHeader(ReadOnlySpan<byte> head, ImageDecodeLimits limits)
    {
        if (head.Length < 4 + 4 * Math.Min(4, head.Length >= 4 ? (int)head[3] : 4)) return null;
        var l = ReadLayout(head, limits);
        return new ImageHeader(l.Width, l.Height, l.Channels, l.Count);
    }

    public IImageStack Open(ReadOnlyMemory<byte> data, ImageDecodeLimits limits)
    {
        var l = ReadLayout(data.Span, limits);
        long need = (long)l.Count * l.Height * l.Width * l.Channels * ElementSize(l.Type);
        Bytes.Need(data.Span, l.DataStart, need, Codec);
        return new Stack(data, l);
    }

    private sealed class Stack(ReadOnlyMemory<byte> data, Layout l) : IImageStack
    {
        public ImageHeader Header => new(l.Width, l.Height, l.Channels, l.Count);
        public string? NameOf(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public DecodedImage Decode(int index)
        {
            int n = l.Height * l.Width * l.Channels, size = ElementSize(l.Type);
            var src = data.Span.Slice(l.DataStart + (int)((long)index * n * size), n * size);
            if (l.Type == 0x08)
            {
                var s = new ushort[n];
                for (int i = 0; i < n; i++) s[i] = src[i];
                return DecodedImage.FromSamples(l.Width, l.Height, l.Channels, 255, s);
            }
            var f = new double[n];
            for (int i = 0; i < n; i++)
            {
                var e = src.Slice(i * size, size);
                f[i] = l.Type switch
                {
                    0x09 => (sbyte)e[0],
                    0x0B => BinaryPrimitives.ReadInt16BigEndian(e),
                    0x0C => BinaryPrimitives.ReadInt32BigEndian(e),
                    0x0D => BinaryPrimitives.ReadSingleBigEndian(e),
                    _ => BinaryPrimitives.ReadDoubleBigEndian(e),
                };
            }
            return DecodedImage.FromFloats(l.Width, l.Height, l.Channels, f);
        }
    }
}
