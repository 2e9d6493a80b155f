namespace Spectra.Tests.Hostile;

/// <summary>Small files whose headers lie about their size, made on the spot.</summary>
internal static class HostileFiles
{
    public static byte[] Png(uint width, uint height, byte[] idat)
    {
        var s = new MemoryStream();
        s.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // 8-bit gray
        Chunk(s, "IHDR", ihdr);
        Chunk(s, "IDAT", idat);
        Chunk(s, "IEND", []);
        return s.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, (uint)data.Length);
        s.Write(b);
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(b, Spectra.Data.Crc32.Compute(typed));
        s.Write(b);
    }

    public static byte[] Zlib(byte[] data)
    {
        var o = new MemoryStream();
        using (var z = new ZLibStream(o, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
        return o.ToArray();
    }

    public static byte[] Gzip(params byte[][] parts)
    {
        var o = new MemoryStream();
        using (var z = new GZipStream(o, CompressionLevel.Optimal, leaveOpen: true))
            foreach (var p in parts) z.Write(p);
        return o.ToArray();
    }

    public static byte[] Pgm(int width, int height, int dataBytes) =>
        Encoding.ASCII.GetBytes($"P5\n{width} {height}\n255\n").Concat(new byte[dataBytes]).ToArray();

    public static byte[] Bmp(int width, int height, int dataBytes)
    {
        var h = new byte[54];
        h[0] = (byte)'B';
        h[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(2), 54 + dataBytes);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(28), 24);
        return h.Concat(new byte[dataBytes]).ToArray();
    }

    /// <summary>An NPY v1 header for uint8 data of this shape, followed by <paramref name="dataBytes"/> zero bytes.</summary>
    public static byte[] Npy(string shape, int dataBytes)
    {
        var dict = $"{{'descr': '|u1', 'fortran_order': False, 'shape': ({shape}), }}";
        int pad = 64 - (10 + dict.Length + 1) % 64;
        var header = Encoding.ASCII.GetBytes(dict + new string(' ', pad) + "\n");
        var s = new MemoryStream();
        s.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        s.Write([(byte)(header.Length & 0xFF), (byte)(header.Length >> 8)]);
        s.Write(header);
        s.Write(new byte[dataBytes]);
        return s.ToArray();
    }

    /// <summary>An IDX header of unsigned bytes, N × H × W.</summary>
    public static byte[] IdxHeader(int count, int height, int width)
    {
        var h = new byte[16];
        h[2] = 0x08;
        h[3] = 3;
        BinaryPrimitives.WriteInt32BigEndian(h.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(h.AsSpan(8), height);
        BinaryPrimitives.WriteInt32BigEndian(h.AsSpan(12), width);
        return h;
    }

    /// <summary>A zip of one deflated entry whose bytes are the given parts.</summary>
    public static byte[] Npz(string entry, params byte[][] parts)
    {
        var o = new MemoryStream();
        using (var zip = new ZipArchive(o, ZipArchiveMode.Create, leaveOpen: true))
        using (var e = zip.CreateEntry(entry, CompressionLevel.Optimal).Open())
            foreach (var p in parts) e.Write(p);
        return o.ToArray();
    }

    /// <summary>The first offset of marker 0xFF <paramref name="marker"/>.</summary>
    public static int Marker(byte[] jpeg, byte marker) =>
        Enumerable.Range(0, jpeg.Length - 1).First(i => jpeg[i] == 0xFF && jpeg[i + 1] == marker);
}
