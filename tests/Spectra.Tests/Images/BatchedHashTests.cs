using System.Security.Cryptography;
using Spectra.Data.Images;

namespace Spectra.Tests.Images;

public class BatchedHashTests
{
    [Fact]
    public void The_digest_is_the_sha256_of_the_concatenation_whatever_the_piece_sizes()
    {
        var rng = new Random(11);
        // Empty, tiny, buffer-filling, buffer-sized and larger pieces, in an order that crosses every boundary.
        int[] sizes = [0, 1, 100, 65_535, 2, 65_536, 70_000, 0, 300, 200_000, 65_000, 536, 1];
        var pieces = sizes.Select(n => { var b = new byte[n]; rng.NextBytes(b); return b; }).ToList();
        using var hash = new BatchedHash();
        foreach (var p in pieces) hash.Append(p);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pieces.SelectMany(p => p).ToArray())), hash.HexDigestAndReset());
        hash.Append("abc"u8);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash.HexDigestAndReset());
    }
}
