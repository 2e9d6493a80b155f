namespace Spectra.Data.Images.Codecs;

/// <summary>
/// Windows BMP, uncompressed: 1/4/8-bit palette, 24-bit BGR, 32-bit BGRX (and BITFIELDS masks for
/// 16/32-bit), bottom-up or top-down. RLE and embedded JPEG/PNG are refused as unsupported.
/// Palette images come out as RGB; 32-bit images carry alpha only when the header declares an alpha mask.
/// </summary>
internal sealed class BmpCodec : SingleImageCodec
{
    private const string Codec = "BMP";

    public override string Name => Codec;

    public override bool Matches(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 'B' && head[1] == 'M';

    private sealed record Info(int Width, int Height, bool TopDown, int Bits, uint Compression, int HeaderSize,
        uint DataOffset, uint RMask, uint GMask, uint BMask, uint AMask, int PaletteEntries)
    {
        public int Channels => Bits <= 8 ? 3 : AMask != 0 ? 4 : 3;
    }

    private static Info ReadInfo(ReadOnlySpan<byte> d, ImageDecodeLimits limits)
    {
        if (!(d.Length >= 2 && d[0] == 'B' && d[1] == 'M')) throw SpectraException.Invalid("BMP signature is missing");
        uint offset = Bytes.U32LE(d, 10, Codec);
        int hs = (int)Bytes.U32LE(d, 14, Codec);
        long w, h;
        int bits;
        uint compression = 0;
        if (hs == 12)
        {
            w = Bytes.U16LE(d, 18, Codec);
            h = (short)Bytes.U16LE(d, 20, Codec);
            bits = Bytes.U16LE(d, 24, Codec);
        }
        else if (hs is 40 or 52 or 56 or 108 or 124)
        {
            w = (int)Bytes.U32LE(d, 18, Codec);
            h = (int)Bytes.U32LE(d, 22, Codec);
            bits = Bytes.U16LE(d, 28, Codec);
            compression = Bytes.U32LE(d, 30, Codec);
        }
        else throw SpectraException.Unsupported($"BMP header of {hs} bytes is not supported");
        bool topDown = h < 0;
        h = Math.Abs(h);
        if (compression is 1 or 2) throw SpectraException.Unsupported("BMP with RLE compression is not supported (uncompressed only)");
        if (compression is 4 or 5) throw SpectraException.Unsupported("BMP with embedded JPEG/PNG is not supported");
        if (compression is not (0 or 3 or 6)) throw SpectraException.Invalid($"BMP compression {compression} is not defined");
        if (bits is not (1 or 4 or 8 or 16 or 24 or 32)) throw SpectraException.Unsupported($"BMP with {bits} bits per pixel is not supported");
        if (w <= 0 || h <= 0) throw SpectraException.Invalid($"BMP header gives an empty image ({w} × {h})");
        limits.CheckPixels(w, h, Codec);
        uint r = 0, g = 0, b = 0, a = 0;
        if (compression is 3 or 6)
        {
            // Masks follow a 40-byte header, or are part of a V2+ header.
            r = Bytes.U32LE(d, 54, Codec);
            g = Bytes.U32LE(d, 58, Codec);
            b = Bytes.U32LE(d, 62, Codec);
            if (hs >= 56 || compression == 6) a = Bytes.U32LE(d, 66, Codec);
        }
        else if (bits == 16) (r, g, b) = (0x7C00, 0x03E0, 0x001F);
        else if (bits == 32) (r, g, b) = (0x00FF0000, 0x0000FF00, 0x000000FF);
        if (bits > 8 && bits != 24 && (r == 0 || g == 0 || b == 0)) throw SpectraException.Invalid("BMP colour masks are empty");
        int entries = 0;
        if (bits <= 8)
        {
            uint used = hs == 12 ? 0 : Bytes.U32LE(d, 46, Codec);
            entries = used == 0 || used > 1u << bits ? 1 << bits : (int)used;
        }
        return new Info((int)w, (int)h, topDown, bits, compression, hs, offset, r, g, b, a, entries);
    }

    public override ImageHeader? TryReadHeader(ReadOnlySpan<byte> head, ImageDecodeLimits limits)
    {
        if (head.Length < 70) return null;
        var i = ReadInfo(head, limits);
        return new ImageHeader(i.Width, i.Height, i.Channels);
    }

    public override DecodedImage Decode(ReadOnlySpan<byte> d, ImageDecodeLimits limits) => Decode(d, limits, null);

    // A folder read turns each image into its row at once: samples go to the thread's reused buffer.
    internal override DecodedImage DecodeTransient(ReadOnlySpan<byte> d, ImageDecodeLimits limits) => Decode(d, limits, DecodeScratch.Current);

    private static DecodedImage Decode(ReadOnlySpan<byte> d, ImageDecodeLimits limits, DecodeScratch? scratch)
    {
        var info = ReadInfo(d, limits);
        long stride = ((long)info.Width * info.Bits + 31) / 32 * 4;
        Bytes.Need(d, info.DataOffset, stride * info.Height, Codec);
        int ch = info.Channels;
        Span<byte> palette = stackalloc byte[256 * 3];
        palette.Clear(); // indices past the file's palette read as black
        if (info.Bits <= 8)
        {
            int entrySize = info.HeaderSize == 12 ? 3 : 4, at = 14 + info.HeaderSize + (info.Compression == 3 ? 12 : 0);
            Bytes.Need(d, at, (long)info.PaletteEntries * entrySize, Codec);
            for (int k = 0; k < info.PaletteEntries; k++)
            {
                palette[3 * k] = d[at + k * entrySize + 2];
                palette[3 * k + 1] = d[at + k * entrySize + 1];
                palette[3 * k + 2] = d[at + k * entrySize];
            }
        }
        long count = (long)info.Width * info.Height * ch;
        var o = scratch?.Samples(count) ?? new ushort[count];
        for (int y = 0; y < info.Height; y++)
        {
            int fileRow = info.TopDown ? y : info.Height - 1 - y;
            var row = d.Slice((int)(info.DataOffset + fileRow * stride), (int)stride);
            for (int x = 0; x < info.Width; x++)
            {
                long dst = ((long)y * info.Width + x) * ch;
                switch (info.Bits)
                {
                    case 24:
                        o[dst] = row[3 * x + 2];
                        o[dst + 1] = row[3 * x + 1];
                        o[dst + 2] = row[3 * x];
                        break;
                    case 16 or 32:
                    {
                        uint v = info.Bits == 16 ? BinaryPrimitives.ReadUInt16LittleEndian(row[(2 * x)..]) : BinaryPrimitives.ReadUInt32LittleEndian(row[(4 * x)..]);
                        o[dst] = Channel(v, info.RMask);
                        o[dst + 1] = Channel(v, info.GMask);
                        o[dst + 2] = Channel(v, info.BMask);
                        if (ch == 4) o[dst + 3] = Channel(v, info.AMask);
                        break;
                    }
                    default:
                    {
                        int bitIndex = x * info.Bits;
                        int idx = (row[bitIndex / 8] >> (8 - info.Bits - bitIndex % 8)) & ((1 << info.Bits) - 1);
                        o[dst] = palette[3 * idx];
                        o[dst + 1] = palette[3 * idx + 1];
                        o[dst + 2] = palette[3 * idx + 2];
                        break;
                    }
                }
            }
        }
        return DecodedImage.FromSamples(info.Width, info.Height, ch, 255, o);
    }

    // A mask of n bits is scaled to 8 bits: wider masks keep their top bits, narrower ones are rescaled with rounding.
    private static ushort Channel(uint v, uint mask)
    {
        int shift = BitOperations.TrailingZeroCount(mask), bits = BitOperations.PopCount(mask);
        uint raw = (v & mask) >> shift;
        if (bits >= 8) return (ushort)(raw >> (bits - 8));
        uint max = (1u << bits) - 1;
        return (ushort)((raw * 255 + max / 2) / max);
    }
}
