using Microsoft.Win32.SafeHandles;

namespace Spectra.Data.Parquet.Format;

/// <summary>Random-access bytes of one Parquet file: a file on disk or a buffer in memory.</summary>
internal abstract class ByteSource : IDisposable
{
    public abstract long Length { get; }

    /// <summary>Reads up to buffer.Length bytes at offset; returns how many were read (0 at the end).</summary>
    protected abstract int ReadAt(Span<byte> buffer, long offset);

    public void ReadExact(Span<byte> buffer, long offset, string path)
    {
        if (offset < 0 || offset > Length - buffer.Length)
            throw SpectraException.Invalid("a read runs past the end of the file", path, hint: "the file is truncated; copy it again");
        int done = 0;
        try
        {
            while (done < buffer.Length)
            {
                int n = ReadAt(buffer[done..], offset + done);
                if (n == 0) throw SpectraException.Invalid("the file ends early", path, hint: "the file is truncated; copy it again");
                done += n;
            }
        }
        catch (IOException e)
        {
            throw new SpectraException(SpectraErrorKind.Io, "read error: " + e.Message, path);
        }
    }

    public virtual void Dispose()
    {
    }
}

internal sealed class FileByteSource(SafeFileHandle handle) : ByteSource
{
    public override long Length { get; } = RandomAccess.GetLength(handle);

    protected override int ReadAt(Span<byte> buffer, long offset) => RandomAccess.Read(handle, buffer, offset);

    public override void Dispose() => handle.Dispose();
}

internal sealed class MemoryByteSource(ReadOnlyMemory<byte> bytes) : ByteSource
{
    public override long Length => bytes.Length;

    protected override int ReadAt(Span<byte> buffer, long offset)
    {
        int n = (int)Math.Min(buffer.Length, bytes.Length - offset);
        bytes.Span.Slice((int)offset, n).CopyTo(buffer);
        return n;
    }
}
