namespace Spectra.Data.Csv;

/// <summary>
/// The decompressed bytes of a .gz file, checked against the file's end once they run out. .NET's
/// GZipStream ends quietly when the compressed data stops early, so a truncated download would read as a
/// shorter table; here the last member's trailer (CRC-32 and length of the data) must match what was
/// decompressed, or the file must end with the empty block bgzip writes as its end-of-file marker
/// (bgzip's many members each carry their own trailer, which the inflater checks as it goes).
/// </summary>
internal sealed class GzipEndCheck : Stream
{
    private static ReadOnlySpan<byte> BgzipEof =>
    [
        0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43, 0x02, 0x00,
        0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    private readonly Stream _inner;
    private readonly string _path;
    private readonly System.IO.Hashing.Crc32 _crc = new();
    private long _length;
    private bool _checked;

    public GzipEndCheck(Stream decompressed, string path)
    {
        _inner = decompressed;
        _path = path;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = _inner.Read(buffer);
        if (n > 0)
        {
            _crc.Append(buffer[..n]);
            _length += n;
        }
        else if (buffer.Length > 0 && !_checked)
        {
            _checked = true;
            Check();
        }
        return n;
    }

    private void Check()
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

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
