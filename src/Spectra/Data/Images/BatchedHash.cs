namespace Spectra.Data.Images;

/// <summary>
/// The content hash of an image folder: the files' bytes, in order, as one stream. The digest is that of
/// the pieces' concatenation, however they are cut (XXH128 buffers short pieces itself, so no batching is
/// needed here).
/// </summary>
internal sealed class BatchedHash : IDisposable
{
    private readonly ContentHash _hash = new();

    public void Append(ReadOnlySpan<byte> piece) => _hash.Append(piece);

    /// <summary>The digest of everything appended so far, as lower-case hex; the hash starts over afterwards.</summary>
    public string HexDigestAndReset() => _hash.HexDigestAndReset();

    public void Dispose()
    {
        // Nothing to release: kept disposable so that callers need not change with the algorithm.
    }
}
