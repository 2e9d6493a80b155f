using Spectra.Data.Images.Codecs.Jpeg;

namespace Spectra.Data.Images.Codecs;

/// <summary>
/// JPEG (ITU T.81) with Huffman coding and 8-bit samples: baseline, extended sequential and progressive,
/// grayscale, YCbCr with any sampling (2× factors with libjpeg's "fancy" triangular chroma upsampling),
/// restart intervals, and Adobe RGB/CMYK/YCCK. Arithmetic coding, 12/16-bit precision, lossless and
/// hierarchical modes are refused as unsupported; arithmetic-coded files are
/// claimed by the fallback decoder before this codec sees them. Truncated entropy data is an error, not gray fill.
/// </summary>
internal sealed class JpegCodec : SingleImageCodec
{
    private const string Codec = "JPEG";

    public override string Name => Codec;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Matches(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override ImageHeader? TryReadHeader(ReadOnlySpan<byte> head, ImageDecodeLimits limits)
    {
        if (!Matches(head)) throw SpectraException.Invalid("JPEG start-of-image marker is missing");
        if (FindFrame(head) is not var (pos, marker, length)) return null;
        var (w, h, comps) = ReadSofSize(head.Slice(pos + 4, length - 2), marker, limits);
        return new ImageHeader(w, h, comps == 1 ? 1 : 3);
    }

    /// <summary>Where the frame header (SOF) starts, its marker and segment length; null when the prefix ends before it.</summary>
    private static (int Pos, int Marker, int Length)? FindFrame(ReadOnlySpan<byte> head)
    {
        int pos = 2;
        while (true)
        {
            if (pos + 4 > head.Length) return null;
            if (head[pos] != 0xFF) throw SpectraException.Invalid($"JPEG marker expected at byte {pos}");
            int marker = head[pos + 1];
            if (marker == 0xFF) { pos++; continue; }
            if (marker is 0xD8 or (>= 0xD0 and <= 0xD7) or 0x01) { pos += 2; continue; }
            int length = head[pos + 2] << 8 | head[pos + 3];
            if (length < 2) throw SpectraException.Invalid($"JPEG segment length {length} is invalid", location: $"byte {pos}");
            if (IsSof(marker)) return pos + 2 + length > head.Length ? null : (pos, marker, length);
            if (marker is 0xDA or 0xD9) throw SpectraException.Invalid("JPEG has no frame header (SOF) before its image data");
            pos += 2 + length;
        }
    }

    /// <summary>
    /// Whether the frame is arithmetic-coded (SOF9–SOF11, SOF13–SOF15): such a file goes to the fallback
    /// decoder. A damaged or truncated prefix is not claimed, so this codec reports it.
    /// </summary>
    internal static bool IsArithmeticCoded(ReadOnlySpan<byte> head)
    {
        if (head.Length < 3 || head[0] != 0xFF || head[1] != 0xD8 || head[2] != 0xFF) return false;
        try
        {
            return FindFrame(head) is var (_, marker, _) && marker >= 0xC9;
        }
        catch (SpectraException)
        {
            return false;
        }
    }

    /// <summary>Width, height and output channels of an arithmetic-coded frame; null when the prefix ends before it.</summary>
    internal static (int, int, int)? ArithmeticFrameSize(ReadOnlySpan<byte> head)
    {
        if (FindFrame(head) is not var (pos, _, length)) return null;
        var s = head.Slice(pos + 4, length - 2);
        if (s.Length < 6) throw SpectraException.Invalid("JPEG frame header is too short");
        return (s[3] << 8 | s[4], s[1] << 8 | s[2], s[5] == 1 ? 1 : 3);
    }

    private static bool IsSof(int marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int W, int H, int Components) ReadSofSize(ReadOnlySpan<byte> s, int marker, ImageDecodeLimits limits)
    {
        if (marker >= 0xC9) throw SpectraException.Unsupported("arithmetic-coded JPEG is not supported (Huffman coding only)");
        if (marker == 0xC3) throw SpectraException.Unsupported("lossless JPEG is not supported");
        if (marker is >= 0xC5 and <= 0xC7) throw SpectraException.Unsupported("hierarchical JPEG is not supported");
        if (s.Length < 6) throw SpectraException.Invalid("JPEG frame header is too short");
        if (s[0] != 8) throw SpectraException.Unsupported($"{s[0]}-bit JPEG is not supported (8-bit samples only)");
        int h = s[1] << 8 | s[2], w = s[3] << 8 | s[4], n = s[5];
        if (h == 0) throw SpectraException.Unsupported("JPEG with the height given later (DNL marker) is not supported");
        if (n is not (1 or 3 or 4)) throw SpectraException.Unsupported($"JPEG with {n} components is not supported (1, 3 or 4)");
        if (s.Length < 6 + 3 * n) throw SpectraException.Invalid("JPEG frame header is too short for its components");
        limits.CheckPixels(w, h, Codec);
        return (w, h, n);
    }

    public override DecodedImage Decode(ReadOnlySpan<byte> data, ImageDecodeLimits limits) => Decode(data, limits, null, 1, null);

    internal override DecodedImage DecodeTransient(ReadOnlySpan<byte> data, ImageDecodeLimits limits) =>
        Decode(data, limits, DecodeScratch.Current, 1, null);

    /// <summary>The image decoded at scale 1/<paramref name="scale"/> (1, 2, 4 or 8): ⌈W/s⌉ × ⌈H/s⌉ pixels (see <see cref="ScaledIdct"/>).</summary>
    internal DecodedImage DecodeScaled(ReadOnlySpan<byte> data, ImageDecodeLimits limits, int scale)
    {
        if (scale is not (1 or 2 or 4 or 8)) throw new ArgumentOutOfRangeException(nameof(scale), "a JPEG decodes at 1/1, 1/2, 1/4 or 1/8");
        return Decode(data, limits, null, scale, null);
    }

    /// <summary>At the largest reduced scale that still covers the target (<see cref="DraftScale"/>), once the frame header gives the size.</summary>
    internal override DecodedImage DecodeDraft(ReadOnlySpan<byte> data, ImageDecodeLimits limits, int width, int height, bool transient) =>
        Decode(data, limits, transient ? DecodeScratch.Current : null, 1, (width, height));

    // The per-image loops here and in the decoders they call are compiled optimised at their first call
    // (AggressiveOptimization): under the default tiered JIT they would start unoptimised, and a short
    // batch of small images would spend much of its run in that first tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    /// <param name="draft">When given, the target the scale is chosen for (<paramref name="scale"/> is then ignored).</param>
    private DecodedImage Decode(ReadOnlySpan<byte> data, ImageDecodeLimits limits, DecodeScratch? scratch, int scale, (int Width, int Height)? draft)
    {
        // The entropy decoder reads from an array; a transient decode copies into this thread's scratch.
        byte[] entropy;
        if (scratch is null) entropy = data.ToArray();
        else
        {
            entropy = scratch.Bytes(data.Length);
            data.CopyTo(entropy);
        }
        if (!Matches(data)) throw SpectraException.Invalid("JPEG start-of-image marker is missing");
        var quant = new ushort[4][];
        var dc = new HuffmanTable?[4];
        var ac = new HuffmanTable?[4];
        Frame? frame = null;
        int restart = 0, adobeTransform = -1;
        bool jfif = false, sawScan = false;
        int pos = 2;
        while (true)
        {
            if (pos + 2 > data.Length)
            {
                if (sawScan) throw Bytes.UnexpectedEnd(Codec + " (no end-of-image marker)", pos + 2, data.Length);
                throw Bytes.UnexpectedEnd(Codec, pos + 2, data.Length);
            }
            if (data[pos] != 0xFF) throw SpectraException.Invalid($"JPEG marker expected at byte {pos} (the file is corrupt)");
            int marker = data[pos + 1];
            if (marker == 0xFF) { pos++; continue; }
            if (marker == 0xD9) break;
            if (marker is 0xD8 or (>= 0xD0 and <= 0xD7) or 0x01) { pos += 2; continue; }
            if (marker == 0x00) throw SpectraException.Invalid($"JPEG marker expected at byte {pos} (the file is corrupt)");
            Bytes.Need(data, pos + 2, 2, Codec);
            int length = data[pos + 2] << 8 | data[pos + 3];
            if (length < 2) throw SpectraException.Invalid($"JPEG segment length {length} is invalid", location: $"byte {pos}");
            Bytes.Need(data, pos + 2, length, Codec);
            var seg = data.Slice(pos + 4, length - 2);
            int next = pos + 2 + length;
            switch (marker)
            {
                case 0xDB: ReadQuant(seg, quant, scratch); break;
                case 0xC4: ReadHuffman(seg, dc, ac); break;
                case 0xDD:
                    if (seg.Length < 2) throw SpectraException.Invalid("JPEG restart-interval segment is too short");
                    restart = seg[0] << 8 | seg[1];
                    break;
                case 0xE0:
                    if (seg.Length >= 5 && seg[..5].SequenceEqual("JFIF\0"u8)) jfif = true;
                    break;
                case 0xEE:
                    if (seg.Length >= 12 && seg[..5].SequenceEqual("Adobe"u8)) adobeTransform = seg[11];
                    break;
                case 0xDA:
                    if (frame is null) throw SpectraException.Invalid("JPEG scan before the frame header");
                    next = ReadScan(seg, frame, dc, ac, restart, entropy, data.Length, next);
                    sawScan = true;
                    break;
                case 0xDC:
                    throw SpectraException.Unsupported("JPEG with a DNL marker is not supported");
                default:
                    if (IsSof(marker))
                    {
                        if (frame is not null) throw SpectraException.Unsupported("JPEG with more than one frame is not supported");
                        frame = ReadFrame(seg, marker, limits, data.Length);
                    }
                    break;
            }
            pos = next;
        }
        if (frame is null || !sawScan) throw SpectraException.Invalid("JPEG holds no image data (no frame or no scan)");
        if (draft is var (tw, th)) scale = DraftScale.Choose(frame.Width, frame.Height, tw, th);
        return Assemble(frame, quant, jfif, adobeTransform, scratch, scale);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Frame ReadFrame(ReadOnlySpan<byte> s, int marker, ImageDecodeLimits limits, long fileBytes)
    {
        var (w, h, n) = ReadSofSize(s, marker, limits);
        var comps = new Component[n];
        for (int i = 0; i < n; i++)
        {
            int id = s[6 + 3 * i], hv = s[7 + 3 * i], tq = s[8 + 3 * i];
            int hf = hv >> 4, vf = hv & 15;
            if (hf is < 1 or > 4 || vf is < 1 or > 4) throw SpectraException.Invalid($"JPEG component {id} has invalid sampling factors {hf}×{vf}");
            if (tq > 3) throw SpectraException.Invalid($"JPEG component {id} uses quantization table {tq} (0..3 exist)");
            for (int j = 0; j < i; j++)
                if (comps[j].Id == id) throw SpectraException.Invalid($"JPEG frame lists component {id} twice");
            comps[i] = new Component { Id = id, H = hf, V = vf, QuantTable = tq };
        }
        var frame = new Frame { Width = w, Height = h, Progressive = marker == 0xC2, Components = comps };
        frame.Layout(limits, fileBytes);
        return frame;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadQuant(ReadOnlySpan<byte> s, ushort[][] quant, DecodeScratch? scratch)
    {
        int p = 0;
        while (p < s.Length)
        {
            int pq = s[p] >> 4, tq = s[p] & 15;
            if (tq > 3 || pq > 1) throw SpectraException.Invalid($"JPEG quantization table {tq} (precision {pq}) is invalid");
            int size = pq == 0 ? 64 : 128;
            if (p + 1 + size > s.Length) throw SpectraException.Invalid("JPEG quantization segment is too short");
            var t = scratch?.QuantTable(tq) ?? new ushort[64];
            for (int k = 0; k < 64; k++) t[k] = pq == 0 ? s[p + 1 + k] : (ushort)(s[p + 1 + 2 * k] << 8 | s[p + 2 + 2 * k]);
            quant[tq] = t;
            p += 1 + size;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadHuffman(ReadOnlySpan<byte> s, HuffmanTable?[] dc, HuffmanTable?[] ac)
    {
        int p = 0;
        while (p < s.Length)
        {
            if (p + 17 > s.Length) throw SpectraException.Invalid("JPEG Huffman segment is too short");
            int tc = s[p] >> 4, th = s[p] & 15;
            if (tc > 1 || th > 3) throw SpectraException.Invalid($"JPEG Huffman table class {tc} / id {th} is invalid");
            var counts = s.Slice(p + 1, 16);
            int total = 0;
            foreach (var c in counts) total += c;
            if (total > 256 || p + 17 + total > s.Length) throw SpectraException.Invalid("JPEG Huffman table is too long for its segment");
            var table = HuffmanTable.Shared(s.Slice(p + 1, 16 + total));
            (tc == 0 ? dc : ac)[th] = table;
            p += 17 + total;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ReadScan(ReadOnlySpan<byte> s, Frame frame, HuffmanTable?[] dc, HuffmanTable?[] ac, int restart, byte[] data, int length, int start)
    {
        if (s.Length < 1) throw SpectraException.Invalid("JPEG scan header is too short");
        int n = s[0];
        if (n < 1 || n > 4 || s.Length < 4 + 2 * n) throw SpectraException.Invalid($"JPEG scan header with {n} components is invalid");
        var comps = new Component[n];
        var dct = new int[n];
        var act = new int[n];
        int blocksInMcu = 0;
        for (int i = 0; i < n; i++)
        {
            int id = s[1 + 2 * i];
            comps[i] = ComponentWithId(frame, id) ?? throw SpectraException.Invalid($"JPEG scan names component {id}, which the frame lacks");
            dct[i] = s[2 + 2 * i] >> 4;
            act[i] = s[2 + 2 * i] & 15;
            if (dct[i] > 3 || act[i] > 3) throw SpectraException.Invalid("JPEG scan names a Huffman table outside 0..3");
            blocksInMcu += comps[i].H * comps[i].V;
        }
        if (n > 1 && blocksInMcu > 10) throw SpectraException.Invalid("JPEG scan has more than 10 blocks per MCU");
        int ss = s[1 + 2 * n], se = s[2 + 2 * n], ah = s[3 + 2 * n] >> 4, al = s[3 + 2 * n] & 15;
        if (frame.Progressive)
        {
            bool valid = ss == 0 ? se == 0 : se >= ss && se <= 63 && n == 1;
            if (!valid || al > 13 || (ah != 0 && ah != al + 1)) throw SpectraException.Invalid($"JPEG progressive scan parameters Ss={ss} Se={se} Ah={ah} Al={al} are invalid");
        }
        var decoder = new ScanDecoder(frame, comps, dct, act, dc, ac, ss, se, ah, al, restart);
        return decoder.Decode(data, length, start);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Component? ComponentWithId(Frame frame, int id)
    {
        foreach (var c in frame.Components)
            if (c.Id == id) return c;
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DecodedImage Assemble(Frame frame, ushort[][] quant, bool jfif, int adobeTransform, DecodeScratch? scratch, int scale)
    {
        // n: samples per block side of the largest-sampled component (8 at full scale).
        int n = 8 / scale;
        int w = DraftScale.Reduced(frame.Width, scale), h = DraftScale.Reduced(frame.Height, scale);
        var planes = new byte[frame.Components.Length][];
        // A transient YCbCr decode leaves its planes in the thread's scratch: the consumer takes gray
        // straight from them, and RGB is made only if asked for.
        bool keepPlanes = scratch is not null && planes.Length == 3 && !IsRgb(frame, jfif, adobeTransform);
        for (int ci = 0; ci < frame.Components.Length; ci++)
        {
            var c = frame.Components[ci];
            if (frame.MaxH % c.H != 0 || frame.MaxV % c.V != 0)
                throw SpectraException.Unsupported($"JPEG sampling factors {c.H}×{c.V} do not divide the largest ({frame.MaxH}×{frame.MaxV})");
            var q = quant[c.QuantTable] ?? throw SpectraException.Invalid($"JPEG quantization table {c.QuantTable} is not defined");
            int nc = BlockSide(frame, c, n);
            int stride = c.BlocksPerLine * nc;
            var plane = ArrayPool<byte>.Shared.Rent(stride * c.BlocksPerColumn * nc);
            for (int by = 0; by < c.BlocksHigh; by++)
            for (int bx = 0; bx < c.BlocksWide; bx++)
                ScaledIdct.Transform(c.Coefficients.AsSpan(c.BlockOffset(by, bx), 64), q, nc, plane.AsSpan(by * nc * stride + bx * nc), stride);
            // The component's samples at this scale, rounded up as libjpeg rounds them (its own size at nc = 8).
            int cw = (int)(((long)frame.Width * c.H * nc + 8L * frame.MaxH - 1) / (8L * frame.MaxH));
            int ch = (int)(((long)frame.Height * c.V * nc + 8L * frame.MaxV - 1) / (8L * frame.MaxV));
            planes[ci] = keepPlanes ? scratch!.Plane(ci, (long)w * h) : ArrayPool<byte>.Shared.Rent(w * h);
            // libjpeg upsamples by replication, not triangles, when a block is one sample (1/8 scale).
            Upsampler.Upsample(plane, cw, ch, stride, frame.MaxH * n / (c.H * nc), frame.MaxV * n / (c.V * nc), w, h, planes[ci], fancy: n > 1);
            ArrayPool<byte>.Shared.Return(plane);
            ArrayPool<short>.Shared.Return(c.Coefficients);
            c.Coefficients = [];
        }
        if (keepPlanes) return DecodedImage.FromYCbCr(w, h, planes[0], planes[1], planes[2], scratch!.Samples((long)w * h * 3));
        try
        {
            return Convert(frame, planes, w, h, jfif, adobeTransform, scratch);
        }
        finally
        {
            foreach (var p in planes) ArrayPool<byte>.Shared.Return(p);
        }
    }

    /// <summary>
    /// Samples per block side for component <paramref name="c"/> when the largest-sampled one gets
    /// <paramref name="n"/>: a subsampled component's blocks are transformed to more samples, up to 8,
    /// while that still leaves a whole upsampling factor, so 4:2:0 chroma at 1/2 scale is a full 8×8
    /// transform with nothing to upsample. This is libjpeg's choice (jdmaster.c), which PIL's draft follows.
    /// </summary>
    private static int BlockSide(Frame frame, Component c, int n)
    {
        int side = n;
        while (side < 8 && frame.MaxH * n % (c.H * side * 2) == 0 && frame.MaxV * n % (c.V * side * 2) == 0) side *= 2;
        return side;
    }

    /// <summary>Three components stored as R, G, B rather than YCbCr (Adobe transform 0, or component ids 'R', 'G', 'B' without JFIF).</summary>
    private static bool IsRgb(Frame frame, bool jfif, int adobeTransform) =>
        adobeTransform == 0 || (!jfif && adobeTransform < 0 &&
            frame.Components[0].Id == 'R' && frame.Components[1].Id == 'G' && frame.Components[2].Id == 'B');

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DecodedImage Convert(Frame frame, byte[][] planes, int w, int h, bool jfif, int adobeTransform, DecodeScratch? scratch)
    {
        int n = planes.Length;
        if (n == 1)
        {
            var gray = scratch?.Samples(w * h) ?? new ushort[w * h];
            for (int i = 0; i < w * h; i++) gray[i] = planes[0][i];
            return DecodedImage.FromSamples(w, h, 1, 255, gray);
        }
        var rgb = scratch?.Samples((long)w * h * 3) ?? new ushort[(long)w * h * 3];
        if (n == 3)
        {
            if (IsRgb(frame, jfif, adobeTransform))
                for (int i = 0; i < w * h; i++)
                {
                    rgb[3 * i] = planes[0][i];
                    rgb[3 * i + 1] = planes[1][i];
                    rgb[3 * i + 2] = planes[2][i];
                }
            else ColorConverter.YCbCrToRgb(planes[0], planes[1], planes[2], rgb.AsSpan(0, w * h * 3));
        }
        else ColorConverter.CmykToRgb(planes[0], planes[1], planes[2], planes[3], adobeTransform == 2, rgb.AsSpan(0, w * h * 3));
        return DecodedImage.FromSamples(w, h, 3, 255, rgb);
    }
}
