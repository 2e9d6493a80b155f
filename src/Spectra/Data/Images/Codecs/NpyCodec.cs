namespace Spectra.Data.Images.Codecs;

/// <summary>
/// NumPy .npy arrays (format versions 1–3). H × W or H × W × C (C ≤ 4, first side &gt; 4) is one image;
/// M × H × W and M × H × W × C are stacks of M images. uint8 and uint16 are levels of 255 and 65535,
/// bool is 0/1; other integer and float types are taken as they are. C and Fortran order.
/// </summary>
internal sealed partial class NpyCodec : IImageCodec
{
    private const string Codec = "NPY";

    public string Name => Codec;

    public bool Matches(ReadOnlySpan<byte> head) =>
        head.Length >= 6 && head[0] == 0x93 && head[1..6].SequenceEqual("NUMPY"u8);

    internal sealed record Layout(char Kind, int Size, bool BigEndian, bool Fortran, long[] Shape, int DataStart,
        int Count, int Height, int Width, int Channels, bool IsStack);

    [GeneratedRegex(@"'descr'\s*:\s*'([<>|=])([biuf])(\d+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();

    /// <summary>The array's element type, memory order, shape and where its data starts.</summary>
    internal sealed record Header(char Kind, int Size, bool BigEndian, bool Fortran, long[] Shape, int DataStart);

    internal static Header? ReadHeader(ReadOnlySpan<byte> d, bool needComplete)
    {
        if (d.Length < 10) return needComplete ? throw Bytes.UnexpectedEnd(Codec, 10, d.Length) : null;
        if (d[0] != 0x93 || !d[1..6].SequenceEqual("NUMPY"u8)) throw SpectraException.Invalid("NPY magic string is missing");
        int major = d[6];
        if (major is < 1 or > 3) throw SpectraException.Unsupported($"NPY format version {major} is not supported");
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(d[8..]) : Bytes.U32LE(d, 8, Codec);
        int start = major == 1 ? 10 : 12;
        if (headerLength > 1 << 20) throw SpectraException.Invalid($"NPY header length {headerLength} is implausible");
        if (start + headerLength > d.Length) return needComplete ? throw Bytes.UnexpectedEnd(Codec, start + headerLength, d.Length) : null;
        string header = System.Text.Encoding.UTF8.GetString(d.Slice(start, (int)headerLength));
        var descr = DescrPattern().Match(header);
        if (!descr.Success) throw SpectraException.Unsupported("NPY dtype is not a plain numeric type (structured, object or string arrays are not images)");
        char kind = descr.Groups[2].Value[0];
        int size = int.Parse(descr.Groups[3].Value, CultureInfo.InvariantCulture);
        bool ok = kind switch { 'b' => size == 1, 'u' or 'i' => size is 1 or 2 or 4 or 8, _ => size is 4 or 8 };
        if (!ok) throw SpectraException.Unsupported($"NPY dtype {descr.Value} is not supported (uint8/16/32/64, int8/16/32/64, float32/64, bool)");
        var fortran = FortranPattern().Match(header);
        var shapeMatch = ShapePattern().Match(header);
        if (!fortran.Success || !shapeMatch.Success) throw SpectraException.Invalid("NPY header lacks fortran_order or shape");
        var shape = shapeMatch.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                : throw SpectraException.Invalid($"NPY shape entry '{s}' is not a number")).ToArray();
        return new Header(kind, size, descr.Groups[1].Value == ">", fortran.Groups[1].Value == "True", shape, start + (int)headerLength);
    }

    /// <summary>The number of dimensions of the array a .npy file holds; null for another file or an unreadable header (the reader then says why).</summary>
    internal static int? RankOf(string path)
    {
        if (!path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase)) return null;
        var head = new byte[4096];
        int read;
        try
        {
            using var f = File.OpenRead(path);
            read = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot read the file: " + e.Message, path);
        }
        try
        {
            return ReadHeader(head.AsSpan(0, read), needComplete: false)?.Shape.Length;
        }
        catch (SpectraException)
        {
            return null;
        }
    }

    internal static Layout? ReadLayout(ReadOnlySpan<byte> d, ImageDecodeLimits limits, bool needComplete)
    {
        if (ReadHeader(d, needComplete) is not { } header) return null;
        var (kind, size, shape) = (header.Kind, header.Size, header.Shape);
        long count, h, w, c;
        var table = shape.Length == 2 && limits.MatricesAreTables;
        bool stack = table || shape.Length == 4 || (shape.Length == 3 && !(shape[2] <= 4 && shape[0] > 4));
        switch (shape.Length)
        {
            // A table's rows are samples: each one a 1 × d "image", so every sample keeps its d features in order.
            case 2 when table: (count, h, w, c) = (shape[0], 1, shape[1], 1); break;
            case 2: (count, h, w, c) = (1, shape[0], shape[1], 1); break;
            case 3 when shape[2] <= 4 && shape[0] > 4: (count, h, w, c) = (1, shape[0], shape[1], shape[2]); break;
            case 3: (count, h, w, c) = (shape[0], shape[1], shape[2], 1); break;
            case 4: (count, h, w, c) = (shape[0], shape[1], shape[2], shape[3]); break;
            default:
                throw SpectraException.Unsupported($"NPY array of shape ({string.Join(", ", shape)}) is not an image or image stack",
                    hint: "images are H × W, H × W × C, M × H × W or M × H × W × C");
        }
        if (c is < 1 or > 4) throw SpectraException.Unsupported($"NPY images with {c} channels (1 to 4 are supported)");
        if (count > int.MaxValue) throw SpectraException.Invalid("NPY image count out of range");
        limits.CheckPixels(w, h, Codec);
        limits.CheckContainer(count, h * w * c, Codec);
        return new Layout(kind, size, header.BigEndian, header.Fortran, shape,
            header.DataStart, (int)count, (int)h, (int)w, (int)c, stack);
    }

    public ImageHeader? TryReadHeader(ReadOnlySpan<byte> head, ImageDecodeLimits limits)
    {
        var l = ReadLayout(head, limits, needComplete: false);
        return l is null ? null : new ImageHeader(l.Width, l.Height, l.Channels, l.Count);
    }

    public IImageStack Open(ReadOnlyMemory<byte> data, ImageDecodeLimits limits) => Open(data, limits, null);

    internal static IImageStack Open(ReadOnlyMemory<byte> data, ImageDecodeLimits limits, string? entry)
    {
        var l = ReadLayout(data.Span, limits, needComplete: true)!;
        long need = (long)l.Count * l.Height * l.Width * l.Channels * l.Size;
        Bytes.Need(data.Span, l.DataStart, need, Codec);
        return new Stack(data, l, entry);
    }

    private sealed class Stack(ReadOnlyMemory<byte> data, Layout l, string? entry) : IImageStack
    {
        public ImageHeader Header => new(l.Width, l.Height, l.Channels, l.Count);

        public string? NameOf(int index)
        {
            var i = index.ToString(CultureInfo.InvariantCulture);
            return entry is null ? (l.IsStack ? i : null) : l.IsStack ? entry + "#" + i : entry;
        }

        public DecodedImage Decode(int index)
        {
            int n = l.Height * l.Width * l.Channels;
            // Strides in elements over the logical (m, y, x, c) index, for either memory order.
            long[] dims = [l.Count, l.Height, l.Width, l.Channels];
            var stride = new long[4];
            if (l.Fortran)
            {
                stride[0] = 1;
                for (int k = 1; k < 4; k++) stride[k] = stride[k - 1] * dims[k - 1];
            }
            else
            {
                stride[3] = 1;
                for (int k = 2; k >= 0; k--) stride[k] = stride[k + 1] * dims[k + 1];
            }
            bool integer = l.Kind == 'b' || (l.Kind == 'u' && l.Size <= 2);
            var ints = integer ? new ushort[n] : null;
            var floats = integer ? null : new double[n];
            int o = 0;
            for (int y = 0; y < l.Height; y++)
            for (int x = 0; x < l.Width; x++)
            for (int c = 0; c < l.Channels; c++, o++)
            {
                long e = index * stride[0] + y * stride[1] + x * stride[2] + c * stride[3];
                var b = data.Span.Slice(l.DataStart + (int)(e * l.Size), l.Size);
                if (integer)
                {
                    int v = l.Size == 1 ? b[0] : l.BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);
                    if (l.Kind == 'b' && v > 1) v = 1;
                    ints![o] = (ushort)v;
                }
                else floats![o] = Element(l.Kind, l.Size, l.BigEndian, b);
            }
            int max = l.Kind == 'b' ? 1 : l.Size == 1 ? 255 : 65535;
            return integer ? DecodedImage.FromSamples(l.Width, l.Height, l.Channels, max, ints!) : DecodedImage.FromFloats(l.Width, l.Height, l.Channels, floats!);
        }
    }

    /// <summary>One element as a double (integers exactly up to 2⁵³, bool as 0/1).</summary>
    internal static double Element(char kind, int size, bool be, ReadOnlySpan<byte> b) => (kind, size) switch
    {
        ('b', 1) => b[0] != 0 ? 1 : 0,
        ('u', 1) => b[0],
        ('u', 2) => be ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b),
        ('u', 4) => be ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b),
        ('u', 8) => be ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b),
        ('i', 1) => (sbyte)b[0],
        ('i', 2) => be ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b),
        ('i', 4) => be ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b),
        ('i', 8) => be ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b),
        ('f', 4) => be ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b),
        _ => be ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b),
    };
}
