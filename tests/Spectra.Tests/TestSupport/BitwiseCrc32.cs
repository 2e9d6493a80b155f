namespace Spectra.Tests.TestSupport;

/// <summary>
/// CRC-32 (the PNG and gzip polynomial) bit by bit: an independent implementation, so that tests which
/// build PNG chunks do not lean on the decoder's own table.
/// </summary>
internal static class BitwiseCrc32
{
    public static uint Of(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFF;
        foreach (var x in data)
        {
            c ^= x;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }
        return ~c;
    }
}
