namespace Spectra.Data.Files;

/// <summary>What a path names once links are followed.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    /// <summary>A chain of links that never reaches a file (a loop, or too many links).</summary>
    LinkLoop,
    /// <summary>The path exists but cannot be looked at (permissions).</summary>
    Inaccessible,
}

/// <summary>A file's identity on its machine: two paths with the same identity are the same file or folder.</summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode);

/// <summary>What one status query found.</summary>
internal readonly record struct FileStatus(FileKind Kind, FileIdentity Identity, long Size)
{
    /// <summary>How the kind reads in a message: "a FIFO (named pipe)", "a folder", ...</summary>
    public string Describe() => Kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.LinkLoop => "a loop of symbolic links",
        FileKind.Inaccessible => "not accessible (permission denied)",
        _ => "missing",
    };
}
