using System.Runtime.CompilerServices;

namespace Spectra.Data.Images.Codecs;

/// <summary>CRC-32 (ISO 3309, polynomial 0xEDB88320) as PNG chunks and gzip members use it.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    private static uint[] Build()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint HashToUInt32(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (var b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
