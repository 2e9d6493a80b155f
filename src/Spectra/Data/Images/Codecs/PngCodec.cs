namespace Spectra.Data.Images.Codecs;

/// <summary>
/// PNG (ISO/IEC 15948): every colour type and bit depth, palette with tRNS, Adam7 interlace, all
/// five filters, CRC on every chunk, any number of consecutive IDAT chunks. Gamma, colour-space and
/// text chunks are read past: samples come out as stored, which is what libpng gives by default.
/// </summary>
internal sealed class PngCodec : SingleImageCodec
{
    private const string Codec = "PNG";
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    // libpng's default user limit; PNG itself allows 2^31 − 1.
    private const uint MaxSide = 1_000_000;

    public override string Name => Codec;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Matches(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 137 && head[1] == 80 && head[2] == 78 && head[3] == 71;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override ImageHeader? TryReadHeader(ReadOnlySpan<byte> head, ImageDecodeLimits limits)
    {
        if (head.Length < 33) return null;
        CheckSignature(head);
        var ihdr = ReadIhdr(head, 8, limits);
        return new ImageHeader(ihdr.Width, ihdr.Height, ihdr.OutputChannels(hasTrns: false));
    }

    private static void CheckSignature(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || !data[..8].SequenceEqual(Signature))
            throw SpectraException.Invalid("PNG signature is damaged (the file was probably transferred in text mode or is not a PNG)");
    }

    private readonly record struct Ihdr(int Width, int Height, int BitDepth, int ColorType, bool Interlaced)
    {
        public int SamplesPerPixel => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        public int BitsPerPixel => SamplesPerPixel * BitDepth;

        public int OutputChannels(bool hasTrns) => ColorType switch
        {
            0 => hasTrns ? 2 : 1,
            2 => hasTrns ? 4 : 3,
            3 => hasTrns ? 4 : 3,
            4 => 2,
            _ => 4,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Ihdr ReadIhdr(ReadOnlySpan<byte> data, int at, ImageDecodeLimits limits)
    {
        uint length = Bytes.U32BE(data, at, Codec);
        if (length > int.MaxValue) throw SpectraException.Invalid("PNG chunk length out of range (over 2^31 − 1)");
        if (Bytes.U32BE(data, at + 4, Codec) != 0x49484452) throw SpectraException.Invalid("PNG does not start with an IHDR chunk");
        if (length != 13) throw SpectraException.Invalid($"PNG IHDR has length {length}, not 13");
        Bytes.Need(data, at, 25, Codec);
        CheckCrc(data.Slice(at + 4, 17), Bytes.U32BE(data, at + 21, Codec), "IHDR");
        var p = data.Slice(at + 8, 13);
        uint w = Bytes.U32BE(p, 0, Codec), h = Bytes.U32BE(p, 4, Codec);
        int depth = p[8], type = p[9];
        if (w == 0 || h == 0) throw SpectraException.Invalid($"PNG IHDR gives an empty image ({w} × {h})");
        if (w > int.MaxValue || h > int.MaxValue) throw SpectraException.Invalid("PNG image size out of range (over 2^31 − 1)");
        if (w > MaxSide || h > MaxSide)
            throw new SpectraException(SpectraErrorKind.LimitExceeded, $"PNG image side {Math.Max(w, h)} exceeds {MaxSide} pixels");
        bool ok = type switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!ok) throw SpectraException.Invalid($"PNG IHDR has an invalid colour type {type} / bit depth {depth} combination");
        if (p[10] != 0) throw SpectraException.Invalid($"PNG compression method {p[10]} is not defined");
        if (p[11] != 0) throw SpectraException.Invalid($"PNG filter method {p[11]} is not defined");
        if (p[12] > 1) throw SpectraException.Invalid($"PNG interlace method {p[12]} is not defined");
        limits.CheckPixels(w, h, Codec);
        return new Ihdr((int)w, (int)h, depth, type, p[12] == 1);
    }

    private static void CheckCrc(ReadOnlySpan<byte> typeAndData, uint stored, string chunk)
    {
        if (Crc32.Compute(typeAndData) != stored)
            throw SpectraException.Invalid($"PNG {chunk} chunk CRC mismatch (the file is corrupt)");
    }

    private static bool IsLetter(byte b) => b is >= 65 and <= 90 or >= 97 and <= 122;

    public override DecodedImage Decode(ReadOnlySpan<byte> data, ImageDecodeLimits limits) => Decode(data, limits, null);

    internal override DecodedImage DecodeTransient(ReadOnlySpan<byte> data, ImageDecodeLimits limits) =>
        Decode(data, limits, DecodeScratch.Current);

    // Chunk types as big-endian integers: compared without making a string per chunk.
    private const uint ChunkIhdr = 0x49484452, ChunkIdat = 0x49444154, ChunkIend = 0x49454E44, ChunkPlte = 0x504C5445, ChunkTrns = 0x74524E53;

    private static string TypeName(uint type) =>
        string.Create(4, type, (c, t) => { for (int i = 0; i < 4; i++) c[i] = (char)(t >> (24 - 8 * i) & 0xFF); });

    // The per-image loops here and in the decoders they call are compiled optimised at their first call
    // (AggressiveOptimization): under the default tiered JIT they would start unoptimised, and a short
    // batch of small images would spend much of its run in that first tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DecodedImage Decode(ReadOnlySpan<byte> data, ImageDecodeLimits limits, DecodeScratch? scratch)
    {
        CheckSignature(data);
        var ihdr = ReadIhdr(data, 8, limits);
        int pos = 8 + 25;
        byte[]? palette = null;
        byte[]? trns = null;
        var idat = new List<(int Start, int Length)>();
        bool idatRunClosed = false, sawIend = false;
        uint previous = ChunkIhdr;
        while (pos < data.Length)
        {
            uint length = Bytes.U32BE(data, pos, Codec);
            if (length > int.MaxValue) throw SpectraException.Invalid("PNG chunk length out of range (over 2^31 − 1)", location: $"byte {pos}");
            Bytes.Need(data, pos + 4, 4, Codec);
            var typeBytes = data.Slice(pos + 4, 4);
            foreach (var b in typeBytes)
                if (!IsLetter(b)) throw SpectraException.Invalid("PNG chunk type is not four letters (the file is corrupt)", location: $"byte {pos}");
            uint type = Bytes.U32BE(data, pos + 4, Codec);
            Bytes.Need(data, (long)pos + 12, length, Codec);
            int start = pos + 8;
            uint crc = Bytes.U32BE(data, start + (int)length, Codec);
            bool critical = (typeBytes[0] & 32) == 0;
            bool crcOk = Crc32.Compute(data.Slice(pos + 4, 4 + (int)length)) == crc;
            if (!crcOk && critical) throw SpectraException.Invalid($"PNG {TypeName(type)} chunk CRC mismatch (the file is corrupt)", location: $"byte {pos}");
            pos = start + (int)length + 4;
            if (type == ChunkIdat)
            {
                if (idat.Count > 0 && previous != ChunkIdat) idatRunClosed = true;
                if (!idatRunClosed) idat.Add((start, (int)length));
            }
            else if (type == ChunkIend)
            {
                sawIend = true;
                break;
            }
            else if (type == ChunkIhdr)
                throw SpectraException.Invalid("PNG has a second IHDR chunk");
            else if (type == ChunkPlte)
            {
                if (idat.Count > 0) throw SpectraException.Invalid("PNG PLTE chunk after the image data");
                if (ihdr.ColorType == 3 || ihdr.ColorType is 2 or 6)
                {
                    if (length % 3 != 0 || length == 0 || length > 768)
                    {
                        if (ihdr.ColorType == 3) throw SpectraException.Invalid($"PNG PLTE chunk has an invalid length {length}");
                    }
                    else if (ihdr.ColorType == 3)
                        palette = data.Slice(start, (int)length).ToArray();
                }
            }
            else if (type == ChunkTrns && crcOk && idat.Count == 0)
            {
                trns = ihdr.ColorType switch
                {
                    0 when length == 2 => data.Slice(start, 2).ToArray(),
                    2 when length == 6 => data.Slice(start, 6).ToArray(),
                    3 when palette is not null && length >= 1 && length <= palette.Length / 3 => data.Slice(start, (int)length).ToArray(),
                    _ => null,
                };
            }
            else if (critical)
                throw SpectraException.Unsupported($"PNG has an unknown critical chunk {TypeName(type)}");
            previous = type;
        }
        if (idat.Count == 0) throw SpectraException.Invalid("PNG has no image data (no IDAT chunk)");
        if (!sawIend) throw Bytes.UnexpectedEnd(Codec + " (no IEND chunk)", data.Length + 12, data.Length);
        if (ihdr.ColorType == 3 && palette is null) throw SpectraException.Invalid("PNG palette image without a PLTE chunk");

        byte[] raw = Inflate(data, idat, ihdr, scratch);
        return Reconstruct(raw, ihdr, palette, trns, scratch);
    }

    private static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    // Passes by index rather than an iterator: no enumerator object per decoded file.
    private static int PassCount(Ihdr h) => h.Interlaced ? Adam7.Length : 1;

    /// <summary>Pass <paramref name="i"/>'s origin, step and size; an empty pass (W or H = 0) has no data in the stream.</summary>
    private static (int X0, int Y0, int Dx, int Dy, int W, int H) Pass(Ihdr h, int i)
    {
        if (!h.Interlaced) return (0, 0, 1, 1, h.Width, h.Height);
        var (x0, y0, dx, dy) = Adam7[i];
        int w = (h.Width - x0 + dx - 1) / dx, hh = (h.Height - y0 + dy - 1) / dy;
        return w > 0 && hh > 0 ? (x0, y0, dx, dy, w, hh) : (x0, y0, dx, dy, 0, 0);
    }

    private static long RowBytes(Ihdr h, int width) => ((long)width * h.BitsPerPixel + 7) / 8;

    /// <summary>The scanlines: exactly the expected byte count, at the start of the returned (possibly longer) array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] Inflate(ReadOnlySpan<byte> data, List<(int Start, int Length)> idat, Ihdr h, DecodeScratch? scratch)
    {
        long expected = 0;
        for (int i = 0; i < PassCount(h); i++)
        {
            var p = Pass(h, i);
            expected += p.H * (1 + RowBytes(h, p.W));
        }
        if (expected > Array.MaxLength) throw new SpectraException(SpectraErrorKind.LimitExceeded, "PNG image data exceeds 2 GB");
        int total = 0;
        foreach (var (_, len) in idat) total += len;
        DeflateBound.Check(expected, total, "PNG header");
        MemoryBudget.Current.Check(expected + 4.0 * h.Width * h.Height * h.SamplesPerPixel, $"the decoded PNG image ({h.Width} × {h.Height} pixels)");
        var compressed = scratch?.Bytes(total) ?? new byte[total];
        int o = 0;
        foreach (var (s, len) in idat)
        {
            data.Slice(s, len).CopyTo(compressed.AsSpan(o));
            o += len;
        }
        // Every byte is written by the inflater (fewer is an error below): no zeroing needed.
        var raw = scratch?.Inflated(expected) ?? GC.AllocateUninitializedArray<byte>((int)expected);
        int got = 0;
        try
        {
            using var z = new ZLibStream(new MemoryStream(compressed, 0, total, false), CompressionMode.Decompress);
            while (got < expected)
            {
                int n = z.Read(raw, got, (int)expected - got);
                if (n == 0) break;
                got += n;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw SpectraException.Invalid("PNG image data is corrupt (zlib: " + e.Message.TrimEnd('.') + ")");
        }
        if (got < expected)
            throw SpectraException.Invalid($"PNG has not enough image data ({got} of {expected} bytes after decompression)");
        return raw;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DecodedImage Reconstruct(byte[] raw, Ihdr h, byte[]? palette, byte[]? trns, DecodeScratch? scratch)
    {
        int spp = h.SamplesPerPixel;
        int bpp = Math.Max(1, h.BitsPerPixel / 8);
        // Raw samples (palette indices for type 3), one ushort per sample; the image's own samples unless expanded below.
        long count = (long)h.Width * h.Height * spp;
        bool expands = h.ColorType == 3 || (h.ColorType is 0 or 2 && trns is not null);
        // Every sample is written below (the passes cover every pixel): no zeroing needed.
        var samples = scratch is null ? GC.AllocateUninitializedArray<ushort>((int)count) : expands ? scratch.Work(count) : scratch.Samples(count);
        int offset = 0;
        bool whole8 = !h.Interlaced && h.BitDepth == 8;
        for (int i = 0; i < PassCount(h); i++)
        {
            var p = Pass(h, i);
            if (p.H == 0) continue;
            int rowBytes = (int)RowBytes(h, p.W);
            for (int y = 0; y < p.H; y++)
            {
                int filter = raw[offset];
                var row = raw.AsSpan(offset + 1, rowBytes);
                ReadOnlySpan<byte> prior = y == 0 ? default : raw.AsSpan(offset - rowBytes, rowBytes);
                if (filter > 4) throw SpectraException.Invalid($"PNG row has an invalid filter type {filter}", location: $"pixel row {p.Y0 + y * p.Dy}");
                Unfilter(filter, row, prior, bpp);
                int outY = p.Y0 + y * p.Dy;
                if (whole8)
                {
                    // 8-bit, not interlaced (the usual file): the row's bytes are its samples, in order.
                    Widen(row, samples.AsSpan((int)((long)outY * rowBytes), rowBytes));
                }
                else
                    for (int x = 0; x < p.W; x++)
                    {
                        long dst = ((long)outY * h.Width + p.X0 + x * p.Dx) * spp;
                        for (int c = 0; c < spp; c++) samples[dst + c] = SampleAt(row, x * spp + c, h.BitDepth);
                    }
                offset += rowBytes + 1;
            }
        }
        return Expand(samples, h, palette, trns, scratch);
    }

    private static ushort SampleAt(ReadOnlySpan<byte> row, int index, int depth) => depth switch
    {
        8 => row[index],
        16 => (ushort)(row[2 * index] << 8 | row[2 * index + 1]),
        _ => (ushort)((row[index * depth / 8] >> (8 - depth - (index * depth % 8))) & ((1 << depth) - 1)),
    };

    // Each filter in two parts: the first pixel (no left neighbour) and the rest, so that the inner loop has
    // no per-byte tests; a first row has no prior row, which the filters treat as zeros.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Unfilter(int filter, Span<byte> row, ReadOnlySpan<byte> prior, int bpp)
    {
        bool first = prior.IsEmpty;
        int n = row.Length, lead = Math.Min(bpp, n);
        fixed (byte* r = row)
        fixed (byte* q = prior)
        {
            switch (filter)
            {
                case 0: break;
                case 1:
                    for (int i = bpp; i < n; i++) r[i] += r[i - bpp];
                    break;
                case 2:
                    if (!first) AddPrior(row, prior);
                    break;
                case 3:
                    if (first)
                        for (int i = bpp; i < n; i++) r[i] += (byte)(r[i - bpp] >> 1);
                    else
                    {
                        for (int i = 0; i < lead; i++) r[i] += (byte)(q[i] >> 1);
                        for (int i = bpp; i < n; i++) r[i] += (byte)((r[i - bpp] + q[i]) >> 1);
                    }
                    break;
                case 4:
                    // Without a prior row the predictor is the left neighbour (Sub); without a left one, the byte above.
                    if (first)
                        for (int i = bpp; i < n; i++) r[i] += r[i - bpp];
                    else
                    {
                        for (int i = 0; i < lead; i++) r[i] += q[i];
                        for (int i = bpp; i < n; i++)
                        {
                            int a = r[i - bpp], b = q[i], c = q[i - bpp];
                            r[i] += (byte)PaethBranchless(a, b, c);
                        }
                    }
                    break;
            }
        }
    }

    private static void AddPrior(Span<byte> row, ReadOnlySpan<byte> prior)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i + 32 <= row.Length; i += 32)
                (Vector256.Create<byte>(row.Slice(i, 32)) + Vector256.Create<byte>(prior.Slice(i, 32))).CopyTo(row.Slice(i, 32));
        for (; i < row.Length; i++) row[i] += prior[i];
    }

    /// <summary>Bytes widened to ushort samples.</summary>
    private static void Widen(ReadOnlySpan<byte> source, Span<ushort> destination)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i + 32 <= source.Length; i += 32)
            {
                var (lower, upper) = Vector256.Widen(Vector256.Create<byte>(source.Slice(i, 32)));
                lower.CopyTo(destination.Slice(i, 16));
                upper.CopyTo(destination.Slice(i + 16, 16));
            }
        for (; i < source.Length; i++) destination[i] = source[i];
    }

    /// <summary>
    /// The Paeth predictor with masks instead of branches: the choice depends on the data and, taken as
    /// branches, mispredicts on photographs (ten times slower than the Avg filter in a measurement).
    /// With p = a + b − c: |p − a| = |b − c|, |p − b| = |a − c|, |p − c| = |a + b − 2c|; ties go to a, then b.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int PaethBranchless(int a, int b, int c)
    {
        int x = b - c, y = a - c, z = x + y;
        int pa = (x ^ (x >> 31)) - (x >> 31), pb = (y ^ (y >> 31)) - (y >> 31), pc = (z ^ (z >> 31)) - (z >> 31);
        int cOverB = (pc - pb) >> 31;            // −1 when pb > pc: c beats b
        int bc = b ^ ((b ^ c) & cOverB), pbc = pb ^ ((pb ^ pc) & cOverB);
        int bcOverA = (pbc - pa) >> 31;          // −1 when pa > min(pb, pc): a loses
        return a ^ ((a ^ bc) & bcOverA);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DecodedImage Expand(ushort[] s, Ihdr h, byte[]? palette, byte[]? trns, DecodeScratch? scratch)
    {
        int max = (1 << h.BitDepth) - 1;
        long pixels = (long)h.Width * h.Height;
        switch (h.ColorType)
        {
            case 3:
            {
                int entries = palette!.Length / 3, ch = trns is null ? 3 : 4;
                var o = Output(pixels * ch, scratch);
                for (long i = 0; i < pixels; i++)
                {
                    int idx = s[i];
                    long d = i * ch;
                    // libpng gives black (and opaque) for an index past the palette's end.
                    if (idx < entries)
                    {
                        o[d] = palette[3 * idx];
                        o[d + 1] = palette[3 * idx + 1];
                        o[d + 2] = palette[3 * idx + 2];
                    }
                    if (ch == 4) o[d + 3] = idx < trns!.Length ? trns[idx] : (ushort)255;
                }
                return DecodedImage.FromSamples(h.Width, h.Height, ch, 255, o);
            }
            case 0 when trns is not null:
            {
                int key = (trns[0] << 8 | trns[1]) & max;
                var o = Output(pixels * 2, scratch);
                for (long i = 0; i < pixels; i++)
                {
                    o[2 * i] = s[i];
                    o[2 * i + 1] = s[i] == key ? (ushort)0 : (ushort)max;
                }
                return DecodedImage.FromSamples(h.Width, h.Height, 2, max, o);
            }
            case 2 when trns is not null:
            {
                int kr = (trns[0] << 8 | trns[1]) & max, kg = (trns[2] << 8 | trns[3]) & max, kb = (trns[4] << 8 | trns[5]) & max;
                var o = Output(pixels * 4, scratch);
                for (long i = 0; i < pixels; i++)
                {
                    ushort r = s[3 * i], g = s[3 * i + 1], b = s[3 * i + 2];
                    o[4 * i] = r;
                    o[4 * i + 1] = g;
                    o[4 * i + 2] = b;
                    o[4 * i + 3] = r == kr && g == kg && b == kb ? (ushort)0 : (ushort)max;
                }
                return DecodedImage.FromSamples(h.Width, h.Height, 4, max, o);
            }
            default:
                return DecodedImage.FromSamples(h.Width, h.Height, h.SamplesPerPixel, max, s);
        }
    }

    /// <summary>An expanded image's samples, zeroed (a palette index past the palette's end leaves black).</summary>
    private static ushort[] Output(long n, DecodeScratch? scratch)
    {
        if (scratch is null) return new ushort[n];
        var o = scratch.Samples(n);
        Array.Clear(o, 0, (int)n);
        return o;
    }
}
