namespace Spectra.Data.Files;

/// <summary>
/// A read-only, forward-only stream that passes another's bytes through unchanged and lets a subclass see them
/// (<see cref="Observe"/>) and the end of the data (<see cref="AtEnd"/>): a hash or a check on the way, with no
/// second read of the file.
/// </summary>
internal abstract class ReadThroughStream(Stream inner) : Stream
{
    /// <summary>Bytes just read, in order.</summary>
    protected abstract void Observe(ReadOnlySpan<byte> bytes);

    /// <summary>Called once, when a read finds no more data.</summary>
    protected virtual void AtEnd() { }

    private bool _ended;

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public sealed override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        if (n > 0) Observe(buffer[..n]);
        else if (buffer.Length > 0 && !_ended)
        {
            _ended = true;
            AtEnd();
        }
        return n;
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
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
