namespace Spectra.Data.Images;

/// <summary>What a header says: the size of each image, its channels, and how many images the file holds.</summary>
public readonly record struct ImageHeader(int Width, int Height, int Channels, int Count = 1);

/// <summary>
/// One file format. Chosen by magic bytes, never by extension. A codec reads a header from the
/// first bytes of a file (cheap, for the probe pass) and opens the whole file as a stack of images:
/// a PNG or JPEG is a stack of one, an NPY stack or an IDX file a stack of many.
/// </summary>
public interface IImageCodec
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

/// <summary>The images of one file. <see cref="Decode"/> is safe to call from several threads at once.</summary>
public interface IImageStack
{
    ImageHeader Header { get; }

    /// <summary>A name for image <paramref name="index"/> inside the file ("12", "arr_0#12"), or null for a single image.</summary>
    string? NameOf(int index);

    DecodedImage Decode(int index);
}

/// <summary>A format holding exactly one image: decoding happens on demand, from the file's bytes.</summary>
public abstract class SingleImageCodec : IImageCodec
{
    public abstract string Name { get; }
    public abstract bool Matches(ReadOnlySpan<byte> head);
    public abstract ImageHeader? TryReadHeader(ReadOnlySpan<byte> head, ImageDecodeLimits limits);

    /// <summary>Decodes the file's one image; throws <see cref="SpectraException"/> on any defect.</summary>
    public abstract DecodedImage Decode(ReadOnlySpan<byte> data, ImageDecodeLimits limits);

    public IImageStack Open(ReadOnlyMemory<byte> data, ImageDecodeLimits limits) => new Stack(this, data, limits);

    private sealed class Stack(SingleImageCodec codec, ReadOnlyMemory<byte> data, ImageDecodeLimits limits) : IImageStack
    {
        private DecodedImage? _image;

        public ImageHeader Header => new(Image.Width, Image.Height, Image.Channels);
        public string? NameOf(int index) => null;

        public DecodedImage Decode(int index)
        {
            if (index != 0) throw new ArgumentOutOfRangeException(nameof(index));
            return Image;
        }

        private DecodedImage Image => _image ??= codec.Decode(data.Span, limits);
    }
}
