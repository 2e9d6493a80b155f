using System.IO.Hashing;

namespace Spectra.Data;

/// <summary>
/// The provenance hash of a source's input bytes (<see cref="SourceInfo.ContentHash"/>): XXH128, the
/// 128-bit xxHash. It identifies the input, it does not guard against forgery, so a non-cryptographic hash
/// is enough; it runs several times as fast as SHA-256 on one core, which on a fast Parquet read was the
/// longest step. The hex digest is the canonical one that <c>xxh128sum</c> prints.
/// </summary>
internal sealed class ContentHash
{
    /// <summary>The algorithm's name in reports (<c>input.content_hash_algorithm</c>).</summary>
    public const string Algorithm = "xxh128";

    private readonly XxHash128 _hash = new();

    public void Append(ReadOnlySpan<byte> data) => _hash.Append(data);

    /// <summary>The digest of everything appended so far, as lower-case hex; the hash starts over afterwards.</summary>
    public string HexDigestAndReset() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    /// <summary>The hex digest of one piece of bytes.</summary>
    public static string Of(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(XxHash128.Hash(data));
}
