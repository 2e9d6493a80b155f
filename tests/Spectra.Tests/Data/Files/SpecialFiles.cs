using System.Net.Sockets;

namespace Spectra.Tests.Data.Files;

/// <summary>FIFOs and sockets for tests (the runtime can create neither directly).</summary>
internal static class SpecialFiles
{
    public static string Fifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return path;
    }

    /// <summary>A bound Unix socket; the file exists while the socket is open.</summary>
    public static Socket Socket(string path)
    {
        var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        s.Bind(new UnixDomainSocketEndPoint(path));
        return s;
    }
}
