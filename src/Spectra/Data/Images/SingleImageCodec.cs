namespace Spectra.Data.Images;

/// <summary>A format holding exactly one image: decoding happens on demand, from the file's bytes.</summary>
internal abstract class SingleImageCodec : IImageCodec
{
    public abstract string Name { get; }
    public abstract bool Matches(ReadOnlySpan<byte> head);
    public abstract ImageHeader? TryReadHeader(ReadOnlySpan<byte> head, ImageDecodeLimits limits);

    /// <summary>Decodes the file's one image; throws <see cref="SpectraException"/> on any defect.</summary>
    public abstract DecodedImage Decode(ReadOnlySpan<byte> data, ImageDecodeLimits limits);

    /// <summary>
    /// Like <see cref="Decode"/>, but the image's sample array may be this thread's
    /// <see cref="DecodeScratch"/>: valid only until the thread's next decode. For callers that turn the
    /// image into a feature row at once.
    /// </summary>
    internal virtual DecodedImage DecodeTransient(ReadOnlySpan<byte> data, ImageDecodeLimits limits) => Decode(data, limits);

    /// <summary>
    /// The image for a consumer that resizes it to <paramref name="width"/> × <paramref name="height"/>:
    /// a format that can decode cheaply at a reduced scale still covering that size (JPEG) does so, and
    /// the others decode in full. <paramref name="transient"/>: as <see cref="DecodeTransient"/>.
    /// </summary>
    internal virtual DecodedImage DecodeDraft(ReadOnlySpan<byte> data, ImageDecodeLimits limits, int width, int height, bool transient) =>
        transient ? DecodeTransient(data, limits) : Decode(data, limits);

    /// <summary>A draft decode for <paramref name="draft"/> (the resize target, when one was asked for), else the full one.</summary>
    internal DecodedImage DecodeFor(ReadOnlySpan<byte> data, ImageDecodeLimits limits, (int Width, int Height)? draft, bool transient) =>
        draft is var (w, h) ? DecodeDraft(data, limits, w, h, transient) : transient ? DecodeTransient(data, limits) : Decode(data, limits);

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
