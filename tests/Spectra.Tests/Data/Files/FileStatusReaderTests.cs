namespace Spectra.Tests.Data.Files;

/// <summary>The statx record's fields against what the runtime and the file system say independently.</summary>
public class FileStatusReaderTests
{
    [Fact]
    public void Each_kind_of_file_is_told_apart_after_following_links()
    {
        using var t = new TestData.TempFolder();
        var file = t.Write("a.bin", new byte[12345]);
        var fifo = SpecialFiles.Fifo(Path.Combine(t.Path, "pipe"));
        using var socket = SpecialFiles.Socket(Path.Combine(t.Path, "sock"));
        File.CreateSymbolicLink(Path.Combine(t.Path, "to-file"), file);
        File.CreateSymbolicLink(Path.Combine(t.Path, "to-zero"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(t.Path, "loop"), Path.Combine(t.Path, "loop"));

        Assert.Equal(new FileStatus(FileKind.Regular, FileStatusReader.Read(file).Identity, 12345), FileStatusReader.Read(file));
        Assert.Equal(FileKind.Directory, FileStatusReader.Read(t.Path).Kind);
        Assert.Equal(FileKind.Fifo, FileStatusReader.Read(fifo).Kind);
        Assert.Equal(FileKind.Socket, FileStatusReader.Read(Path.Combine(t.Path, "sock")).Kind);
        Assert.Equal(FileKind.CharacterDevice, FileStatusReader.Read("/dev/zero").Kind);
        Assert.Equal(FileKind.CharacterDevice, FileStatusReader.Read(Path.Combine(t.Path, "to-zero")).Kind);
        Assert.Equal(FileKind.LinkLoop, FileStatusReader.Read(Path.Combine(t.Path, "loop")).Kind);
        Assert.Equal(FileKind.Missing, FileStatusReader.Read(Path.Combine(t.Path, "nope")).Kind);
        Assert.Equal(FileKind.Missing, FileStatusReader.Read(Path.Combine(file, "below-a-file")).Kind);
        // A link and its target are one file; two files are two.
        Assert.Equal(FileStatusReader.Read(file).Identity, FileStatusReader.Read(Path.Combine(t.Path, "to-file")).Identity);
        Assert.NotEqual(FileStatusReader.Read(file).Identity, FileStatusReader.Read(fifo).Identity);
        Assert.NotEqual(default, FileStatusReader.Read(file).Identity);
    }

    [Fact]
    public void The_inode_matches_the_one_ls_reports()
    {
        using var t = new TestData.TempFolder();
        var file = t.Write("x", [1]);
        using var ls = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ls", ["-i", file]) { RedirectStandardOutput = true })!;
        var inode = ulong.Parse(ls.StandardOutput.ReadToEnd().Trim().Split(' ')[0]);
        ls.WaitForExit();
        Assert.Equal(inode, FileStatusReader.Read(file).Identity.Inode);
    }
}
