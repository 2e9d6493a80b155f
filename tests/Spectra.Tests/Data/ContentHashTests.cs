namespace Spectra.Tests.Data;

/// <summary>The provenance hash: XXH128 in its canonical hex form, independent of how the bytes are cut.</summary>
public class ContentHashTests
{
    [Fact]
    public void Empty_input_gives_the_published_xxh128_digest()
    {
        // The XXH3 128-bit digest of no bytes (seed 0), as xxh128sum prints it.
        Assert.Equal("99aa06d3014798d86001c324468d497f", ContentHash.Of(ReadOnlySpan<byte>.Empty));
        Assert.Equal("xxh128", ContentHash.Algorithm);
    }

    [Fact]
    public void Pieces_hash_as_their_concatenation_however_they_are_cut()
    {
        var rng = new Random(5);
        var bytes = new byte[300_000];
        rng.NextBytes(bytes);
        var whole = ContentHash.Of(bytes);
        using var batched = new BatchedHash();
        for (int at = 0; at < bytes.Length;)
        {
            int n = Math.Min(bytes.Length - at, rng.Next(0, 70_000));
            batched.Append(bytes.AsSpan(at, n));
            at += n;
        }
        Assert.Equal(whole, batched.HexDigestAndReset());
        // The hash starts over after a digest.
        batched.Append(Encoding.ASCII.GetBytes("abc"));
        Assert.Equal(ContentHash.Of(Encoding.ASCII.GetBytes("abc")), batched.HexDigestAndReset());
        Assert.NotEqual(whole, ContentHash.Of(bytes.AsSpan(1)));
    }
}
