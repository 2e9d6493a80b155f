namespace Spectra.Fuzz;

/// <summary>
/// Seeded mutations of a valid file: bit flips, truncation, runs of extreme bytes in the header area,
/// and 16/32-bit fields overwritten with large values (the lengths and sizes a header carries). PNG
/// chunks get their CRCs recomputed half the time, so the damage reaches the decoder behind the check.
/// </summary>
internal static class Mutator
{
    public static (byte[] Bytes, string How) Mutate(byte[] original, bool png, Random rng)
    {
        var b = (byte[])original.Clone();
        string how;
        switch (rng.Next(5))
        {
            case 0:
            {
                int flips = 1 + rng.Next(6);
                for (int k = 0; k < flips; k++) b[rng.Next(b.Length)] ^= (byte)(1 << rng.Next(8));
                how = $"{flips} bit flips";
                break;
            }
            case 1:
            {
                int length = rng.Next(b.Length);
                return (b[..length], $"truncated to {length}");
            }
            case 2:
            {
                int at = rng.Next(Math.Min(b.Length, 128));
                byte v = rng.Next(3) switch { 0 => 0, 1 => 0xFF, _ => (byte)rng.Next(256) };
                int n = 1 + rng.Next(4);
                for (int k = at; k < Math.Min(b.Length, at + n); k++) b[k] = v;
                how = $"{n} bytes at {at} set to {v}";
                break;
            }
            case 3:
            {
                // A size-like field anywhere: big-endian or little-endian, 16 or 32 bits.
                int width = rng.Next(2) == 0 ? 2 : 4;
                if (b.Length < width) return (b, "unchanged");
                int at = rng.Next(b.Length - width + 1);
                uint v = rng.Next(4) switch { 0 => 0, 1 => uint.MaxValue, 2 => 10_000, _ => (uint)rng.Next() };
                for (int k = 0; k < width; k++)
                    b[at + k] = (byte)(rng.Next(2) == 0 ? v >> (8 * (width - 1 - k)) : v >> (8 * k));
                how = $"{width * 8}-bit field at {at} set to {v}";
                break;
            }
            default:
            {
                // A block copied over another: repeated segments and chunks.
                int len = 1 + rng.Next(Math.Max(1, Math.Min(64, b.Length / 2)));
                int from = rng.Next(Math.Max(1, b.Length - len)), to = rng.Next(Math.Max(1, b.Length - len));
                Array.Copy(b, from, b, to, Math.Min(len, b.Length - Math.Max(from, to)));
                how = $"{len} bytes copied from {from} to {to}";
                break;
            }
        }
        if (png && rng.Next(2) == 0) FixPngCrcs(b);
        return (b, how);
    }

    private static void FixPngCrcs(byte[] b)
    {
        int pos = 8;
        while (pos + 12 <= b.Length)
        {
            long length = (uint)(b[pos] << 24 | b[pos + 1] << 16 | b[pos + 2] << 8 | b[pos + 3]);
            if (pos + 12 + length > b.Length) return;
            uint crc = Crc(b.AsSpan(pos + 4, 4 + (int)length));
            int at = pos + 8 + (int)length;
            b[at] = (byte)(crc >> 24);
            b[at + 1] = (byte)(crc >> 16);
            b[at + 2] = (byte)(crc >> 8);
            b[at + 3] = (byte)crc;
            pos = at + 4;
        }
    }

    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFF;
        foreach (var x in data) c = Table[(c ^ x) & 0xFF] ^ (c >> 8);
        return ~c;
    }
}
