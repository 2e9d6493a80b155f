using System.IO.Hashing;

namespace Spectra.Tests.Data.Images;

public class BatchedHashTests
{
    [Fact]
    public void The_digest_is_the_xxh128_of_the_concatenation_whatever_the_piece_sizes()
    {
        var rng = new Random(11);
        // Empty, tiny, buffer-filling, buffer-sized and larger pieces, in an order that crosses every boundary.
        int[] sizes = [0, 1, 100, 65_535, 2, 65_536, 70_000, 0, 300, 200_000, 65_000, 536, 1];
        var pieces = sizes.Select(n => { var b = new byte[n]; rng.NextBytes(b); return b; }).ToList();
        using var hash = new BatchedHash();
        foreach (var p in pieces) hash.Append(p);
        Assert.Equal(Convert.ToHexStringLower(XxHash128.Hash(pieces.SelectMany(p => p).ToArray())), hash.HexDigestAndReset());
        hash.Append("abc"u8);
        // The hash starts over after a digest.
        Assert.Equal(Convert.ToHexStringLower(XxHash128.Hash("abc"u8)), hash.HexDigestAndReset());
    }
}
