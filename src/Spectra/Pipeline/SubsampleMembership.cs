namespace Spectra.Pipeline;

/// <summary>
/// Whether a row belongs to realisation r: a hash of (seed, r, the row's stable identity), so membership
/// does not depend on how the rows were chunked or sharded, and the same seed always picks the same rows.
/// </summary>
internal static class SubsampleMembership
{
    public static bool Contains(int seed, int realisation, long row, double fraction)
    {
        var z = (ulong)row * 0x9E3779B97F4A7C15UL ^ ((ulong)(uint)seed << 32 | (uint)realisation) * 0xD1B54A32D192ED03UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53)) < fraction;
    }
}
