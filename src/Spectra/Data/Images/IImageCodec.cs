namespace Spectra.Data.Images;

/// <summary>
/// One file format. Chosen by magic bytes, never by extension. A codec reads a header from the
/// first bytes of a file (cheap, for the probe pass) and opens the whole file as a stack of images:
/// a PNG or JPEG is a stack of one, an NPY stack or an IDX file a stack of many.
/// </summary>
internal interface IImageCodec
{
    /// <summary>Short format name used in messages ("PNG", "JPEG", "IDX").</summary>
    string Name { get; }

    /// <summary>Whether these first bytes (at least 16 when the file is that long) are this format's magic.</summary>
    bool Matches(ReadOnlySpan<byte> head);

    /// <summary>The header, or null when <paramref name="head"/> (a prefix of the file) is too short to hold it.</summary>
    ImageHeader? TryReadHeader(ReadOnlySpan<byte> head, ImageDecodeLimits limits);

    /// <summary>Opens the complete file; decoding of each image happens in <see cref="IImageStack.Decode"/>.</summary>
    IImageStack Open(ReadOnlyMemory<byte> data, ImageDecodeLimits limits);
}
