namespace Spectra.Data.Synthetic;

/// <summary>SplitMix64's finaliser, the one bit mixer behind the seeded streams and the row hashes: every input bit moves every output bit.</summary>
internal static class SplitMix64
{
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The top 53 bits as a uniform number in [0, 1).</summary>
    public static double Unit(ulong z) => (z >> 11) * (1.0 / (1UL << 53));
}
