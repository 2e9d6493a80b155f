namespace Spectra.Data.Parquet.Format;

/// <summary>
/// A sliding read window over one column chunk: small chunks are read in one go, large ones a
/// page at a time, so a chunk never has to sit in memory whole. A span it returns is valid until
/// the next call.
/// </summary>
internal sealed class ChunkWindow : IDisposable
{
    private const int ReadAhead = 4 << 20;
    private readonly ByteSource _source;
    private readonly long _start;
    private readonly string _path;
    private byte[] _buffer = Array.Empty<byte>();
    private long _bufferOffset;
    private int _bufferLength;

    public ChunkWindow(ByteSource source, long start, long size, string path)
    {
        _source = source;
        _start = start;
        Size = size;
        _path = path;
    }

    public long Size { get; }

    /// <summary>Bytes [offset, offset + length) of the chunk; the caller has checked they lie inside it.</summary>
    public ReadOnlySpan<byte> Get(long offset, int length) => GetMemory(offset, length).Span;

    /// <summary>As <see cref="Get"/>, as memory that a reader may hold until its next call.</summary>
    public ReadOnlyMemory<byte> GetMemory(long offset, int length)
    {
        if (offset < 0 || length < 0 || offset > Size - length) throw ParquetErrors.Corrupt("a read runs past the column chunk");
        if (offset >= _bufferOffset && offset + length <= _bufferOffset + _bufferLength)
            return _buffer.AsMemory((int)(offset - _bufferOffset), length);
        int want = (int)Math.Min(Size - offset, Math.Max(length, ReadAhead));
        if (_buffer.Length < want)
        {
            ColumnBuffers.ReturnScratch(_buffer);
            _buffer = ColumnBuffers.RentScratch<byte>(want);
        }
        _source.ReadExact(_buffer.AsSpan(0, want), _start + offset, _path);
        _bufferOffset = offset;
        _bufferLength = want;
        return _buffer.AsMemory(0, length);
    }

    public void Dispose()
    {
        ColumnBuffers.ReturnScratch(_buffer);
        _buffer = Array.Empty<byte>();
    }
}
