using System.IO.Enumeration;
namespace Spectra.Data.Files;

/// <summary>
/// Lists the files under a folder, recursively, sorted by their relative path (ordinal, '/'-separated)
/// so that every run sees the same order. Folder links are followed, but each folder is entered once,
/// known by its (device, inode): a link loop, or links each way between two folders, cannot make the
/// walk long or endless. Entries are visited in name order, so which of two paths to one folder is
/// kept does not depend on the file system's listing order.
/// </summary>
internal static class FolderWalker
{
    /// <summary>Every file below <paramref name="root"/> (no name starting with '.'), as '/'-separated paths relative to it.</summary>
    public static List<string> Walk(string root) => Walk(root, [], []);

    /// <param name="includeGlobs">Relative paths kept (all when empty), before <paramref name="excludeGlobs"/> leaves some out.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<string> Walk(string root, IReadOnlyList<string> includeGlobs, IReadOnlyList<string> excludeGlobs)
    {
        var include = includeGlobs.Select(Glob.Path).ToList();
        var exclude = excludeGlobs.Select(Glob.Path).ToList();
        var visited = new HashSet<(FileIdentity Identity, string? RealPath)>();
        var found = new List<string>();
        var pending = new Stack<(string Dir, string Rel)>();
        pending.Push((root, ""));
        while (pending.Count > 0)
        {
            var (dir, rel) = pending.Pop();
            if (!visited.Add(Identity(dir))) continue;
            List<string> entries;
            try
            {
                // The enumeration's own entry data (d_type, with a stat only for links) avoids a syscall per file.
                // Folders come back with a trailing '/': a list of strings uses the runtime's precompiled
                // generic code, where a tuple element type would be compiled afresh in every process.
                entries = new FileSystemEnumerable<string>(dir,
                    [MethodImpl(MethodImplOptions.AggressiveOptimization)] (ref FileSystemEntry e) => e.IsDirectory ? e.FileName.ToString() + "/" : e.FileName.ToString(),
                    new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0 }).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SpectraException(SpectraErrorKind.Io, "cannot list the folder (" + e.Message + ")", dir);
            }
            // Pushed in reverse name order, so folders are popped (and claimed) in name order.
            entries.Sort(StringComparer.Ordinal);
            for (int i = entries.Count - 1; i >= 0; i--)
            {
                var entry = entries[i];
                if (entry.StartsWith('.')) continue;
                bool isDirectory = entry.EndsWith('/');
                string name = isDirectory ? entry[..^1] : entry;
                string path = rel.Length == 0 ? name : rel + "/" + name;
                if (isDirectory)
                    pending.Push((Path.Combine(dir, name), path));
                else if (Selected(path, include, exclude))
                    found.Add(path);
            }
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    // Plain loops: a LINQ predicate here would allocate a closure and an enumerator for every file listed.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Selected(string path, List<Glob> include, List<Glob> exclude)
    {
        bool included = include.Count == 0;
        foreach (var g in include)
            if (g.IsMatch(path))
            {
                included = true;
                break;
            }
        if (!included) return false;
        foreach (var g in exclude)
            if (g.IsMatch(path)) return false;
        return true;
    }

    /// <summary>The folder's (device, inode); where the platform gives none, its real path.</summary>
    private static (FileIdentity, string?) Identity(string dir)
    {
        var status = FileStatusReader.Read(dir);
        if (status.Kind == FileKind.LinkLoop) throw RegularFile.Refusal(dir, "the folder", status);
        return status.Identity != default ? (status.Identity, null) : (default, RealPath(dir));
    }

    private static string RealPath(string dir)
    {
        try
        {
            var info = new DirectoryInfo(dir);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as DirectoryInfo;
            return Path.GetFullPath(target?.FullName ?? dir);
        }
        catch (IOException)
        {
            return Path.GetFullPath(dir);
        }
    }
}
