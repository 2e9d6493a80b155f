namespace Spectra.Tests.Data.Images;

/// <summary>The header pass's direct read must see exactly the bytes the runtime's file API sees, or decline.</summary>
public class SmallFileReaderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(784)]
    [InlineData(65537)]
    [InlineData(200_000)]
    public void Reads_the_files_first_bytes_up_to_the_buffer(int size)
    {
        using var t = new TestData.TempFolder();
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = t.Write("f.bin", bytes);
        var buffer = new byte[65537];
        int got = SmallFileReader.TryRead(path, buffer);
        if (!OperatingSystem.IsLinux())
        {
            Assert.Equal(-1, got);
            return;
        }
        Assert.Equal(Math.Min(size, buffer.Length), got);
        Assert.True(buffer.AsSpan(0, got).SequenceEqual(bytes.AsSpan(0, got)));
    }

    [Fact]
    public void A_missing_file_or_a_folder_is_declined_so_the_runtime_reports_it()
    {
        using var t = new TestData.TempFolder();
        var buffer = new byte[16];
        Assert.Equal(-1, SmallFileReader.TryRead(Path.Combine(t.Path, "absent.png"), buffer));
        Directory.CreateDirectory(Path.Combine(t.Path, "sub"));
        Assert.Equal(-1, SmallFileReader.TryRead(Path.Combine(t.Path, "sub"), buffer));
    }

    [Fact]
    public void A_non_ascii_name_is_opened_by_its_utf8_bytes()
    {
        using var t = new TestData.TempFolder();
        var path = t.Write("chiffres é ü 日本.png", [1, 2, 3]);
        var buffer = new byte[8];
        int got = SmallFileReader.TryRead(path, buffer);
        if (!OperatingSystem.IsLinux()) return;
        Assert.Equal(3, got);
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
        Assert.Equal(-1, SmallFileReader.TryRead(path + "\0x", buffer));
    }
}
