namespace Spectra.Data.Images.Codecs;

/// <summary>Bounds-checked reads that turn a short buffer into a clear "unexpected end" error.</summary>
internal static class Bytes
{
    public static uint U32BE(ReadOnlySpan<byte> s, int at, string codec)
    {
        Need(s, at, 4, codec);
        return BinaryPrimitives.ReadUInt32BigEndian(s[at..]);
    }

    public static ushort U16BE(ReadOnlySpan<byte> s, int at, string codec)
    {
        Need(s, at, 2, codec);
        return BinaryPrimitives.ReadUInt16BigEndian(s[at..]);
    }

    public static uint U32LE(ReadOnlySpan<byte> s, int at, string codec)
    {
        Need(s, at, 4, codec);
        return BinaryPrimitives.ReadUInt32LittleEndian(s[at..]);
    }

    public static ushort U16LE(ReadOnlySpan<byte> s, int at, string codec)
    {
        Need(s, at, 2, codec);
        return BinaryPrimitives.ReadUInt16LittleEndian(s[at..]);
    }

    public static void Need(ReadOnlySpan<byte> s, long at, long count, string codec)
    {
        if (at < 0 || count < 0 || at + count > s.Length)
            throw UnexpectedEnd(codec, at + count, s.Length);
    }

    public static SpectraException UnexpectedEnd(string codec, long needed, long have) =>
        SpectraException.Invalid($"{codec}: unexpected end of file (needs {needed} bytes, the file has {have})",
            hint: "the file is truncated; re-export or re-download it");
}
