namespace Spectra.Data.Images;

/// <summary>
/// Reads the start of a file with open, read and close only. The runtime's file handles add an fstat
/// on every open (to refuse folders) and, unless file locking is switched off for the whole process,
/// an flock pair: for a folder of tiny images those syscalls cost more than the reads themselves.
/// Linux only. Elsewhere, and on any failure, <see cref="TryRead"/> returns −1 and the caller reads the
/// usual way, so that errors keep the runtime's own messages.
/// </summary>
[SkipLocalsInit]
internal static unsafe partial class SmallFileReader
{
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC (Linux values)
    private const int Interrupted = 4; // EINTR
    private const int MaxPathBytes = 4095; // PATH_MAX − 1

    private static bool s_available = OperatingSystem.IsLinux();

    /// <summary>Bytes read into <paramref name="buffer"/> from the file's start (fewer than its length only at its end), or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int TryRead(string path, Span<byte> buffer)
    {
        if (!s_available) return -1;
        // The path is encoded here, on the stack, so that the call itself needs no marshalling code.
        Span<byte> name = stackalloc byte[MaxPathBytes + 1];
        if (path.Length > MaxPathBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(path) > MaxPathBytes) return -1;
        int n = System.Text.Encoding.UTF8.GetBytes(path, name);
        if (name[..n].Contains((byte)0)) return -1;
        name[n] = 0;
        int fd;
        try
        {
            fixed (byte* p = name) fd = Open(p, ReadOnlyCloseOnExec);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_available = false;
            return -1;
        }
        if (fd < 0) return -1;
        try
        {
            // One read, as the runtime's path does: a regular file returns less than asked only at its end.
            fixed (byte* p = buffer)
            {
                while (true)
                {
                    nint got = Read(fd, p, buffer.Length);
                    if (got >= 0) return (int)got;
                    if (Marshal.GetLastPInvokeError() != Interrupted) return -1;
                }
            }
        }
        finally
        {
            Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open")]
    private static partial int Open(byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
