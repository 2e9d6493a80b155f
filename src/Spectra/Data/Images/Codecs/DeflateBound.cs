namespace Spectra.Data.Images.Codecs;

/// <summary>
/// What compressed data can really expand to. Deflate's best case is a run of maximal-length matches,
/// 258 bytes from two bits or so: about 1032 bytes out per byte in (zlib's technical notes). A header
/// that claims more than that of the bytes present is refused before anything is allocated for it.
/// </summary>
internal static class DeflateBound
{
    /// <summary>Largest expansion ratio of a deflate stream.</summary>
    public const long MaxRatio = 1032;

    /// <summary>Headers, trailers and block overhead a small stream may add on top of the ratio.</summary>
    private const long Slack = 1024;

    /// <summary>The most bytes <paramref name="compressed"/> bytes of deflate data can expand to.</summary>
    public static long MaxExpanded(long compressed) => compressed * MaxRatio + Slack;

    /// <summary>Throws when <paramref name="claimed"/> bytes cannot come out of <paramref name="compressed"/> compressed bytes.</summary>
    public static void Check(long claimed, long compressed, string what)
    {
        if (claimed > MaxExpanded(compressed))
            throw SpectraException.Invalid(
                $"{what} claims {claimed} bytes of data, more than the {compressed} compressed bytes present can hold (deflate expands at most {MaxRatio}:1)",
                hint: "the file is truncated or its header is corrupt; re-export or re-download it");
    }
}
