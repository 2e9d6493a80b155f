namespace Spectra.Data.Images.Codecs;

/// <summary>
/// Netpbm: PBM (P1, P4), PGM (P2, P5), PPM (P3, P6) and PAM (P7) with depth 1–4, maxval up to
/// 65535 (two bytes, big-endian, above 255). PBM's 1 means black, so bits come out inverted
/// (white = 1) to agree with the other formats.
/// </summary>
internal sealed class NetpbmCodec : SingleImageCodec
{
    private const string Codec = "Netpbm";

    public override string Name => Codec;

    public override bool Matches(ReadOnlySpan<byte> head) =>
        head.Length >= 3 && head[0] == 'P' && head[1] >= '1' && head[1] <= '7' && IsSpace(head[2]);

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 11 or 12;

    private sealed record Header(char Kind, int Width, int Height, int Depth, int MaxVal, int DataStart);

    public override ImageHeader? TryReadHeader(ReadOnlySpan<byte> head, ImageDecodeLimits limits)
    {
        Header h;
        try
        {
            h = ReadHeader(head, limits);
        }
        catch (SpectraException) when (head.Length < 4096 || head.Length >= ImageFormats.ProbeBytes)
        {
            // The header may continue past this prefix (comments may be megabytes long): the whole file decides.
            return null;
        }
        return new ImageHeader(h.Width, h.Height, h.Depth);
    }

    private static Header ReadHeader(ReadOnlySpan<byte> d, ImageDecodeLimits limits)
    {
        if (!(d.Length >= 3 && d[0] == 'P' && d[1] >= '1' && d[1] <= '7'))
            throw SpectraException.Invalid("Netpbm magic number is missing");
        char kind = (char)d[1];
        int pos = 2;
        if (kind == '7') return ReadPamHeader(d, pos, limits);
        long w = Number(d, ref pos), h = Number(d, ref pos);
        long max = kind is '1' or '4' ? 1 : Number(d, ref pos);
        if (max is < 1 or > 65535) throw SpectraException.Invalid($"Netpbm maxval {max} is outside 1..65535");
        limits.CheckPixels(w, h, Codec);
        // Binary formats: exactly one whitespace byte separates the header from the raster.
        if (kind is '4' or '5' or '6')
        {
            if (pos >= d.Length || !IsSpace(d[pos])) throw SpectraException.Invalid("Netpbm header does not end in whitespace");
            pos++;
        }
        int depth = kind is '3' or '6' ? 3 : 1;
        return new Header(kind, (int)w, (int)h, depth, (int)max, pos);
    }

    private static Header ReadPamHeader(ReadOnlySpan<byte> d, int pos, ImageDecodeLimits limits)
    {
        long w = -1, h = -1, depth = -1, max = -1;
        while (true)
        {
            string line = Line(d, ref pos).Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            string key = parts[0], value = parts.Length > 1 ? parts[1].Trim() : "";
            if (key == "ENDHDR") break;
            // Raster bytes read as a header line: the header never said ENDHDR (and its bytes are not worth echoing).
            if (!IsFieldName(key))
                throw SpectraException.Invalid("PAM header has no ENDHDR line before its raster", hint: "end the header with a line ENDHDR");
            long Parse() => long.TryParse(value, out var v) && v >= 0 ? v : throw SpectraException.Invalid($"PAM header field {key} has a bad value '{value}'");
            switch (key)
            {
                case "WIDTH": w = Parse(); break;
                case "HEIGHT": h = Parse(); break;
                case "DEPTH": depth = Parse(); break;
                case "MAXVAL": max = Parse(); break;
                case "TUPLTYPE": break;
                default: throw SpectraException.Invalid($"PAM header has an unknown field '{key}'");
            }
        }
        if (w < 0 || h < 0 || depth < 0 || max < 0) throw SpectraException.Invalid("PAM header lacks WIDTH, HEIGHT, DEPTH or MAXVAL");
        if (max is < 1 or > 65535) throw SpectraException.Invalid($"PAM maxval {max} is outside 1..65535");
        if (depth is < 1 or > 4) throw SpectraException.Unsupported($"PAM depth {depth} is not supported (1 to 4 planes: gray, gray+alpha, RGB, RGBA)");
        limits.CheckPixels(w, h, Codec);
        return new Header('7', (int)w, (int)h, (int)depth, (int)max, pos);
    }

    private static bool IsFieldName(string key) => key.Length <= 32 && key.All(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '_');

    private static string Line(ReadOnlySpan<byte> d, ref int pos)
    {
        int start = pos;
        while (pos < d.Length && d[pos] != '\n')
        {
            // Comment lines may be of any length; a field line is short.
            if (pos - start > 1024 && d[start] != '#') throw SpectraException.Invalid("PAM header line is too long");
            pos++;
        }
        if (pos >= d.Length) throw SpectraException.Invalid("PAM header has no ENDHDR line (the file ends inside its header)", hint: "end the header with a line ENDHDR");
        var s = System.Text.Encoding.ASCII.GetString(d[start..pos]);
        pos++;
        return s;
    }

    private static long Number(ReadOnlySpan<byte> d, ref int pos)
    {
        while (true)
        {
            while (pos < d.Length && IsSpace(d[pos])) pos++;
            if (pos < d.Length && d[pos] == '#')
            {
                while (pos < d.Length && d[pos] != '\n' && d[pos] != '\r') pos++;
                continue;
            }
            break;
        }
        if (pos >= d.Length) throw Bytes.UnexpectedEnd(Codec, pos + 1, d.Length);
        if (d[pos] < '0' || d[pos] > '9') throw SpectraException.Invalid($"Netpbm expected a number at byte {pos}");
        long v = 0;
        while (pos < d.Length && d[pos] >= '0' && d[pos] <= '9')
        {
            v = v * 10 + (d[pos] - '0');
            if (v > int.MaxValue) throw SpectraException.Invalid("Netpbm number out of range");
            pos++;
        }
        return v;
    }

    public override DecodedImage Decode(ReadOnlySpan<byte> d, ImageDecodeLimits limits) => Decode(d, limits, null);

    // A folder read turns each image into its row at once: samples go to the thread's reused buffer.
    internal override DecodedImage DecodeTransient(ReadOnlySpan<byte> d, ImageDecodeLimits limits) => Decode(d, limits, DecodeScratch.Current);

    private DecodedImage Decode(ReadOnlySpan<byte> d, ImageDecodeLimits limits, DecodeScratch? scratch)
    {
        var h = ReadHeader(d, limits);
        long count = (long)h.Width * h.Height * h.Depth;
        int pos = h.DataStart;
        switch (h.Kind)
        {
            case '4':
            {
                int rowBytes = (h.Width + 7) / 8;
                Bytes.Need(d, pos, (long)rowBytes * h.Height, Codec);
                var o = scratch?.Samples(count) ?? new ushort[count];
                for (int y = 0; y < h.Height; y++)
                for (int x = 0; x < h.Width; x++)
                    o[(long)y * h.Width + x] = (ushort)(1 - ((d[pos + y * rowBytes + x / 8] >> (7 - x % 8)) & 1));
                return DecodedImage.FromSamples(h.Width, h.Height, 1, 1, o);
            }
            case '5' or '6' or '7':
            {
                int bytes = h.MaxVal > 255 ? 2 : 1;
                Bytes.Need(d, pos, count * bytes, Codec);
                var o = scratch?.Samples(count) ?? new ushort[count];
                for (long i = 0; i < count; i++)
                {
                    int v = bytes == 1 ? d[pos + (int)i] : d[pos + 2 * (int)i] << 8 | d[pos + 2 * (int)i + 1];
                    if (v > h.MaxVal) throw SpectraException.Invalid($"Netpbm sample {v} exceeds maxval {h.MaxVal}", location: $"pixel row {i / h.Depth / h.Width}");
                    o[i] = (ushort)v;
                }
                return DecodedImage.FromSamples(h.Width, h.Height, h.Depth, h.MaxVal, o);
            }
            default:
            {
                // Plain (ASCII) formats: every sample takes at least two bytes, which bounds the allocation.
                if (count > (d.Length - pos + 1) / (h.Kind == '1' ? 1 : 2) + 1) throw Bytes.UnexpectedEnd(Codec, pos + count, d.Length);
                var o = scratch?.Samples(count) ?? new ushort[count];
                for (long i = 0; i < count; i++)
                {
                    if (h.Kind == '1')
                    {
                        while (pos < d.Length && (IsSpace(d[pos]) || d[pos] == '#'))
                            if (d[pos] == '#') while (pos < d.Length && d[pos] != '\n') pos++;
                            else pos++;
                        if (pos >= d.Length) throw Bytes.UnexpectedEnd(Codec, pos + 1, d.Length);
                        if (d[pos] != '0' && d[pos] != '1') throw SpectraException.Invalid($"PBM expected 0 or 1 at byte {pos}");
                        o[i] = (ushort)('1' - d[pos]);
                        pos++;
                    }
                    else
                    {
                        long v = Number(d, ref pos);
                        if (v > h.MaxVal) throw SpectraException.Invalid($"Netpbm sample {v} exceeds maxval {h.MaxVal}");
                        o[i] = (ushort)v;
                    }
                }
                return DecodedImage.FromSamples(h.Width, h.Height, h.Depth, h.MaxVal, o);
            }
        }
    }
}
