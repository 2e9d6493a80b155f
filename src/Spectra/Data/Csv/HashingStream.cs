namespace Spectra.Data.Csv;

/// <summary>
/// Passes a file's bytes through to the parser and into the content hash on the way, so that the hash
/// costs no second read of the file (a .gz is hashed as stored, as <c>xxh128sum</c> sees it).
/// </summary>
internal sealed class HashingStream(Stream inner, ContentHash hash) : ReadThroughStream(inner)
{
    protected override void Observe(ReadOnlySpan<byte> bytes) => hash.Append(bytes);
}
