namespace Spectra.Data.Files;

/// <summary>
/// The one gate before a file is opened: only a regular file (after following links) is read. A folder,
/// FIFO, device or socket given where a file is expected is one clear error naming it, so that a pipe
/// never blocks a run and /dev/zero is never read to the end.
/// </summary>
internal static class RegularFile
{
    /// <summary>The most a configuration file (a baseline, rules) may hold: real ones are a few kilobytes.</summary>
    public const long MaxConfigurationBytes = 4L << 20;

    /// <summary>The replacement character the runtime puts in a file name whose bytes are not valid UTF-8.</summary>
    private const char Undecodable = '\uFFFD';

    /// <summary>The size of the regular file at <paramref name="path"/>; anything else throws, naming <paramref name="what"/> ("the baseline").</summary>
    public static long Require(string path, string what, string? hint = null)
    {
        var status = FileStatusReader.Read(path);
        if (status.Kind == FileKind.Regular) return status.Size;
        throw Refusal(path, what, status, hint);
    }

    /// <summary>Why a path that is not a regular file cannot be read, as one error.</summary>
    public static SpectraException Refusal(string path, string what, FileStatus status, string? hint = null) => status.Kind switch
    {
        FileKind.Missing when path.Contains(Undecodable) => new SpectraException(SpectraErrorKind.Io,
            $"{what}'s name is not valid UTF-8, so it cannot be opened", path, hint: "rename the file with UTF-8 characters only"),
        FileKind.Missing => new SpectraException(SpectraErrorKind.Io, $"{what} does not exist", path, hint: hint ?? "check the path"),
        FileKind.Directory => new SpectraException(SpectraErrorKind.Io, $"{what} is a folder, not a file", path, hint: hint ?? "give the path of a file"),
        FileKind.LinkLoop or FileKind.Inaccessible => new SpectraException(SpectraErrorKind.Io, $"{what} cannot be opened: it is {status.Describe()}", path, hint: hint),
        _ => new SpectraException(SpectraErrorKind.InvalidInput, $"{what} is {status.Describe()}, not a regular file", path,
            hint: "give a regular file; Spectra reads no pipes, devices or sockets"),
    };

    /// <summary>
    /// A small text file (configuration: a baseline, rules) read whole after its size is checked, and
    /// read with a bound in case it grows meanwhile: a multi-gigabyte "configuration" is an error, not a read.
    /// </summary>
    public static string ReadText(string path, string what, long maxBytes, string? hint = null)
    {
        long size = Require(path, what, hint);
        if (size > maxBytes) throw TooLarge(path, what, maxBytes, hint);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            // Read in blocks against the bound rather than trusting the size (files under /proc report 0).
            var text = new MemoryStream((int)Math.Min(size, maxBytes));
            var block = new byte[64 * 1024];
            int n;
            while ((n = stream.Read(block, 0, block.Length)) > 0)
            {
                if (text.Length + n > maxBytes) throw TooLarge(path, what, maxBytes, hint);
                text.Write(block, 0, n);
            }
            return new UTF8Encoding(false, true).GetString(text.GetBuffer(), 0, (int)text.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw SpectraException.Invalid($"{what} is not UTF-8 text", path, hint: hint);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, $"cannot read {what} ({e.Message.TrimEnd('.')})", path, hint: hint);
        }
    }

    private static SpectraException TooLarge(string path, string what, long maxBytes, string? hint) =>
        new(SpectraErrorKind.LimitExceeded, $"{what} is larger than {maxBytes / 1024 / 1024} MiB, far more than such a file holds", path, hint: hint);
}
