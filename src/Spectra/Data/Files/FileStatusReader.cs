namespace Spectra.Data.Files;

/// <summary>
/// One statx(2) call per path, links followed: the kind of file, its identity (device, inode) and size.
/// The runtime tells a folder from a file but not a FIFO or a device from a regular file, and opening a
/// FIFO blocks until a writer appears, so inputs are classified before they are opened. statx is used
/// because its record has one layout on every Linux architecture (stat's differs). Elsewhere, or without
/// statx, the runtime's view is used: regular file or folder.
/// </summary>
internal static unsafe partial class FileStatusReader
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint TypeInodeSize = 0x1 | 0x100 | 0x200; // STATX_TYPE | STATX_INO | STATX_SIZE
    private const int RecordBytes = 256; // sizeof(struct statx)
    private const int ModeOffset = 28, InodeOffset = 32, SizeOffset = 40, DeviceMajorOffset = 136, DeviceMinorOffset = 140;
    private const int AccessDenied = 13, TooManyLinks = 40; // EACCES, ELOOP

    private static bool s_available = OperatingSystem.IsLinux();

    public static FileStatus Read(string path)
    {
        if (s_available)
        {
            try
            {
                return ReadWithStatx(path);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_available = false;
            }
        }
        if (Directory.Exists(path)) return new FileStatus(FileKind.Directory, default, 0);
        if (!File.Exists(path)) return new FileStatus(FileKind.Missing, default, 0);
        return new FileStatus(FileKind.Regular, default, new FileInfo(path).Length);
    }

    private static FileStatus ReadWithStatx(string path)
    {
        if (path.Length == 0 || path.Contains('\0')) return new FileStatus(FileKind.Missing, default, 0);
        byte* record = stackalloc byte[RecordBytes];
        if (Statx(CurrentDirectory, path, 0, TypeInodeSize, record) != 0)
        {
            var kind = Marshal.GetLastPInvokeError() switch
            {
                TooManyLinks => FileKind.LinkLoop,
                AccessDenied => FileKind.Inaccessible,
                _ => FileKind.Missing,
            };
            return new FileStatus(kind, default, 0);
        }
        int mode = *(ushort*)(record + ModeOffset);
        var type = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Missing,
        };
        ulong device = ((ulong)*(uint*)(record + DeviceMajorOffset) << 32) | *(uint*)(record + DeviceMinorOffset);
        return new FileStatus(type, new FileIdentity(device, *(ulong*)(record + InodeOffset)), (long)*(ulong*)(record + SizeOffset));
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* record);
}
