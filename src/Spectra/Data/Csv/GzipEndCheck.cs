namespace Spectra.Data.Csv;

/// <summary>
/// The decompressed bytes of a .gz file, checked against the file's end once they run out. .NET's
/// GZipStream ends quietly when the compressed data stops early, so a truncated download would read as a
/// shorter table; here the last member's trailer (CRC-32 and length of the data) must match what was
/// decompressed, or the file must end with the empty block bgzip writes as its end-of-file marker
/// (bgzip's many members each carry their own trailer, which the inflater checks as it goes).
/// </summary>
internal sealed class GzipEndCheck(Stream decompressed, string path) : ReadThroughStream(decompressed)
{
    private static ReadOnlySpan<byte> BgzipEof =>
    [
        0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43, 0x02, 0x00,
        0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    private readonly string _path = path;
    private readonly System.IO.Hashing.Crc32 _crc = new();
    private long _length;

    protected override void Observe(ReadOnlySpan<byte> bytes)
    {
        _crc.Append(bytes);
        _length += bytes.Length;
    }

    protected override void AtEnd()
    {
        using var file = File.OpenHandle(_path);
        long size = RandomAccess.GetLength(file);
        Span<byte> tail = stackalloc byte[28];
        int have = (int)Math.Min(size, tail.Length);
        tail = tail[^have..];
        RandomAccess.Read(file, tail, size - have);
        if (have == 28 && tail.SequenceEqual(BgzipEof)) return;
        if (have >= 18 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail[^8..]) == _crc.GetCurrentHashAsUInt32() && System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail[^4..]) == (uint)_length) return;
        throw SpectraException.Invalid($"the gzip data ends early or is corrupt: its trailer does not match the {_length} bytes it decompressed to", _path,
            hint: "the file is probably truncated (an interrupted download or copy); fetch or compress it again");
    }
}
