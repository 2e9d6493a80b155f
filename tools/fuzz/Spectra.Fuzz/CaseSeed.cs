namespace Spectra.Fuzz;

/// <summary>
/// The seed of one case, from the run's seed and the case's index. HashCode.Combine is randomised per
/// process, so it cannot be used: the same --seed must give the same inputs on every run and machine.
/// </summary>
internal static class CaseSeed
{
    public static int Of(int runSeed, long index)
    {
        // SplitMix64's finaliser: neighbouring indices give unrelated seeds.
        ulong z = unchecked((ulong)runSeed * 0x9E3779B97F4A7C15UL + (ulong)index + 0x632BE59BD9B4E019UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }
}
