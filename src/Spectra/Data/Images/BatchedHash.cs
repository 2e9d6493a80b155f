using System.Security.Cryptography;

namespace Spectra.Data.Images;

/// <summary>
/// SHA-256 over many small pieces, in order, fed to the hash a 64 KB buffer at a time: every hash call
/// crosses into the native crypto library, and for a folder of 1 KB images one call per file costs about
/// as much as the hashing itself. The digest is that of the pieces' concatenation, however they are cut.
/// </summary>
internal sealed class BatchedHash : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;

    public void Append(ReadOnlySpan<byte> piece)
    {
        if (piece.Length > _buffer.Length - _used)
        {
            Flush();
            if (piece.Length >= _buffer.Length)
            {
                _hash.AppendData(piece);
                return;
            }
        }
        piece.CopyTo(_buffer.AsSpan(_used));
        _used += piece.Length;
    }

    /// <summary>The digest of everything appended so far, as lower-case hex; the hash starts over afterwards.</summary>
    public string HexDigestAndReset()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    private void Flush()
    {
        if (_used == 0) return;
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose() => _hash.Dispose();
}
