namespace Spectra.Data.Images;

/// <summary>A file found by the walk, with the codec its magic names and the header that codec read.</summary>
internal sealed record ProbedFile(string RelativePath, string FullPath, IImageCodec Codec, ImageHeader Header, string? Label)
{
    /// <summary>The whole file, kept from the probe read when it was small and the cache budget allowed (saves a second open).</summary>
    public ReadOnlyMemory<byte>? Cached { get; init; }

    /// <summary>One label per image of a stack (an IDX file's from its labels file), in place of <see cref="Label"/>.</summary>
    public string[]? ImageLabels { get; init; }
}
