using System.Globalization;

namespace Spectra.Tests.TestSupport;

/// <summary>
/// How many cases the in-test fuzzers run, and from which seed: SPECTRA_FUZZ_CASES (per fuzzer) and
/// SPECTRA_FUZZ_SEED, with a modest default so a plain test run stays quick. A longer run is the same
/// test with a larger count (or the fuzz tool, tools/fuzz/Spectra.Fuzz); a failure names its seed.
/// </summary>
public static class FuzzSettings
{
    public const int DefaultCases = 6000;
    public const int DefaultSeed = 20261203;

    public static int Cases => Read("SPECTRA_FUZZ_CASES", DefaultCases, 1);
    public static int Seed => Read("SPECTRA_FUZZ_SEED", DefaultSeed, int.MinValue);

    /// <summary>A time limit that grows with the count: <paramref name="perCase"/> each, never under a minute.</summary>
    public static TimeSpan TimeLimit(int cases, TimeSpan perCase) => TimeSpan.FromSeconds(Math.Max(60, cases * perCase.TotalSeconds));

    private static int Read(string name, int fallback, int min)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) || v < min)
            throw new InvalidOperationException($"{name}={text} is not a whole number of at least {min}");
        return v;
    }
}
